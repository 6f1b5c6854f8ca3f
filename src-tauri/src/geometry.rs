//! The window's size: what it was when the user last left it, made to fit the screen it opens on
//! (a 1024 × 768 office screen included), kept in `window.json` beside the recent-files list.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A size in logical pixels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

/// The size the editor is designed for: table 三 beside the navigator and the findings.
pub const PREFERRED: Size = Size {
    width: 1400.0,
    height: 900.0,
};
/// Below this the forms stop making sense (the narrow layout is designed for 1024 × 768).
pub const MINIMUM: Size = Size {
    width: 960.0,
    height: 600.0,
};
/// Room left for the desktop's panels and the window's frame.
const FRAME: Size = Size {
    width: 0.0,
    height: 48.0,
};

/// The size to open at: the saved one (or [`PREFERRED`]), no larger than the screen's, no
/// smaller than [`MINIMUM`] unless the screen itself is smaller.
pub fn fit(saved: Option<Size>, screen: Size) -> Size {
    let want = saved
        .filter(|s| s.width.is_finite() && s.height.is_finite())
        .unwrap_or(PREFERRED);
    let room = Size {
        width: (screen.width - FRAME.width).max(1.0),
        height: (screen.height - FRAME.height).max(1.0),
    };
    Size {
        width: want.width.max(MINIMUM.width).min(room.width).round(),
        height: want.height.max(MINIMUM.height).min(room.height).round(),
    }
}

pub fn store(config_dir: &Path) -> PathBuf {
    config_dir.join("window.json")
}

/// The saved size; a missing or broken file is no size (the window opens at its default).
pub fn load(file: &Path) -> Option<Size> {
    let bytes = std::fs::read(file).ok()?;
    serde_json::from_slice(&bytes).ok()
}

pub fn save(file: &Path, size: Size) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec(&size).map_err(std::io::Error::other)?;
    let tmp = file.with_extension("json.tmp");
    std::fs::write(&tmp, json)?;
    std::fs::rename(tmp, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S1024: Size = Size {
        width: 1024.0,
        height: 768.0,
    };
    const S1920: Size = Size {
        width: 1920.0,
        height: 1080.0,
    };

    #[test]
    fn opens_at_the_preferred_size_where_it_fits() {
        assert_eq!(fit(None, S1920), PREFERRED);
    }

    #[test]
    fn a_small_screen_gets_a_window_that_fits_it() {
        assert_eq!(
            fit(None, S1024),
            Size {
                width: 1024.0,
                height: 720.0
            }
        );
        // A size saved on a big screen, opened on a small one.
        assert_eq!(
            fit(
                Some(Size {
                    width: 1800.0,
                    height: 1000.0
                }),
                S1024
            ),
            Size {
                width: 1024.0,
                height: 720.0
            }
        );
    }

    #[test]
    fn the_saved_size_is_kept_within_bounds() {
        let saved = Size {
            width: 1100.0,
            height: 700.0,
        };
        assert_eq!(fit(Some(saved), S1920), saved);
        assert_eq!(
            fit(
                Some(Size {
                    width: 200.0,
                    height: f64::NAN
                }),
                S1920
            ),
            PREFERRED,
            "a broken saved size is ignored"
        );
        assert_eq!(
            fit(
                Some(Size {
                    width: 200.0,
                    height: 100.0
                }),
                S1920
            ),
            MINIMUM
        );
    }

    #[test]
    fn saves_and_loads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let f = store(dir.path());
        assert_eq!(load(&f), None);
        let s = Size {
            width: 1111.0,
            height: 777.0,
        };
        save(&f, s).expect("save");
        assert_eq!(load(&f), Some(s));
        std::fs::write(&f, "{broken").expect("write");
        assert_eq!(load(&f), None);
    }
}
