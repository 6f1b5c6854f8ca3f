//! Numbers as automatic numbering prints them: "一", "（三）", "①", "iv". Word's list formats
//! (numFmt); the front ends synthesise the "一、"/"（一）" of headings whose numeral is not text.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumFormat {
    Decimal,
    DecimalZero,
    DecimalFullWidth,
    /// 一 二 … 十 十一 … (Word's chineseCounting, chineseCountingThousand, …).
    ChineseCounting,
    /// 壹 贰 叁 …
    ChineseLegal,
    /// 〇 一 二 … digit by digit.
    IdeographDigital,
    /// 甲 乙 丙 …
    Heavenly,
    Circled,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl NumFormat {
    pub fn from_word(name: &str) -> NumFormat {
        match name {
            "decimalZero" => NumFormat::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => NumFormat::DecimalFullWidth,
            "chineseCounting"
            | "chineseCountingThousand"
            | "japaneseCounting"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "koreanCounting" => NumFormat::ChineseCounting,
            "chineseLegalSimplified" | "japaneseLegal" | "taiwaneseLegal" => {
                NumFormat::ChineseLegal
            }
            "ideographDigital" | "taiwaneseDigital" | "koreanDigital" => {
                NumFormat::IdeographDigital
            }
            "ideographTraditional" => NumFormat::Heavenly,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => NumFormat::Circled,
            "lowerLetter" => NumFormat::LowerLetter,
            "upperLetter" => NumFormat::UpperLetter,
            "lowerRoman" => NumFormat::LowerRoman,
            "upperRoman" => NumFormat::UpperRoman,
            "bullet" => NumFormat::Bullet,
            "none" => NumFormat::None,
            _ => NumFormat::Decimal,
        }
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (with `digits` as the numerals).
fn counting(n: u32, digits: &[char; 10], ten: char, hundred: char, thousand: char) -> String {
    if n == 0 || n >= 10_000 {
        return n.to_string();
    }
    let parts = [
        (n / 1000, Some(thousand)),
        (n / 100 % 10, Some(hundred)),
        (n / 10 % 10, Some(ten)),
        (n % 10, None),
    ];
    let mut out = String::new();
    let mut zero_pending = false;
    for (d, unit) in parts {
        if d == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        // "十一", not "一十一", when the number starts with the tens.
        if !(out.is_empty() && d == 1 && unit == Some(ten)) {
            out.push(digits[d as usize]);
        }
        if let Some(u) = unit {
            out.push(u);
        }
    }
    out
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    // Word repeats the letter: a … z, aa … zz.
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1).min(100) as usize).collect()
}

pub fn format_number(n: u32, format: NumFormat) -> String {
    match format {
        NumFormat::Decimal => n.to_string(),
        NumFormat::DecimalZero => format!("{n:02}"),
        NumFormat::DecimalFullWidth => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        NumFormat::ChineseCounting => counting(n, &DIGITS, '十', '百', '千'),
        NumFormat::ChineseLegal => counting(n, &LEGAL, '拾', '佰', '仟'),
        NumFormat::IdeographDigital => n
            .to_string()
            .chars()
            .map(|c| c.to_digit(10).map_or(c, |d| DIGITS[d as usize]))
            .collect(),
        NumFormat::Heavenly => {
            const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
            match n {
                1..=10 => STEMS[(n - 1) as usize].to_string(),
                _ => n.to_string(),
            }
        }
        NumFormat::Circled => match n {
            1..=20 => char::from_u32('①' as u32 + n - 1).map_or(n.to_string(), String::from),
            _ => n.to_string(),
        },
        NumFormat::LowerLetter => letters(n),
        NumFormat::UpperLetter => letters(n).to_uppercase(),
        NumFormat::LowerRoman => roman(n),
        NumFormat::UpperRoman => roman(n).to_uppercase(),
        NumFormat::Bullet | NumFormat::None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_as_printed() {
        let f = |n| format_number(n, NumFormat::ChineseCounting);
        assert_eq!(
            [1, 6, 10, 11, 20, 21, 100, 105, 110, 2023].map(f),
            [
                "一",
                "六",
                "十",
                "十一",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十",
                "二千零二十三"
            ]
        );
        assert_eq!(format_number(3, NumFormat::ChineseLegal), "叁");
        assert_eq!(format_number(2023, NumFormat::IdeographDigital), "二〇二三");
        assert_eq!(format_number(3, NumFormat::Heavenly), "丙");
        assert_eq!(format_number(3, NumFormat::Circled), "③");
        assert_eq!(format_number(12, NumFormat::DecimalFullWidth), "１２");
        assert_eq!(format_number(4, NumFormat::UpperRoman), "IV");
        assert_eq!(format_number(28, NumFormat::LowerLetter), "bb");
        assert_eq!(format_number(7, NumFormat::DecimalZero), "07");
        assert_eq!(format_number(7, NumFormat::Bullet), "");
    }
}
