//! Writes synthetic reports for the batch benchmark: the texts of a template report, with random
//! table numbers that satisfy every identity; every `--broken`-th report gets one cell off by one.
//!
//! cargo run --release -p nianbao-cli --example gen_reports -- TEMPLATE COUNT BROKEN_EVERY OUT_DIR

use nianbao_core::model::{Applicant, RequestRow, ReviewGroup, ReviewOutcome};
use nianbao_core::{load_report, save_report, CountCell};

/// xorshift64*: deterministic, dependency-free, good enough to scatter numbers.
struct Rng(u64);
impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % below.max(1)
    }
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [template, count, broken_every, out] = args.as_slice() else {
        return Err("usage: gen_reports TEMPLATE COUNT BROKEN_EVERY OUT_DIR".into());
    };
    let bytes = std::fs::read(template).map_err(|e| e.to_string())?;
    let template = load_report(&bytes).map_err(|e| e.to_string())?;
    let count: usize = count.parse().map_err(|_| "COUNT must be a number")?;
    let broken_every: usize = broken_every
        .parse()
        .map_err(|_| "BROKEN_EVERY must be a number")?;
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..count {
        let mut r = template.clone();
        r.meta.agency = format!("第{i}号单位");
        r.meta.title.clear();
        for col in Applicant::PARTS {
            let mut handled = 0;
            for row in RequestRow::outcomes() {
                let n = if rng.next(4) == 0 { rng.next(20) } else { 0 };
                handled += n;
                r.requests.set(row, col, CountCell::from_count(n));
            }
            let forward = rng.next(3);
            let carried = rng.next(handled + forward + 1);
            r.requests.set(
                RequestRow::CarriedForward,
                col,
                CountCell::from_count(forward),
            );
            r.requests
                .set(RequestRow::CarriedOver, col, CountCell::from_count(carried));
            r.requests.set(
                RequestRow::NewReceived,
                col,
                CountCell::from_count(handled + forward - carried),
            );
        }
        for g in ReviewGroup::ALL {
            for o in ReviewOutcome::PARTS {
                *r.review.group_mut(g).get_mut(o) = CountCell::from_count(rng.next(3));
            }
        }
        r.fill_totals();
        if broken_every > 0 && i % broken_every == broken_every - 1 {
            let v = r
                .requests
                .value(RequestRow::Granted, Applicant::NaturalPerson);
            r.requests.set(
                RequestRow::Granted,
                Applicant::NaturalPerson,
                CountCell::from_count(v + 1),
            );
        }
        let path = format!("{out}/{i:05}.nianbao.json");
        std::fs::write(&path, save_report(&r)).map_err(|e| e.to_string())?;
    }
    println!("wrote {count} reports to {out}");
    Ok(())
}
