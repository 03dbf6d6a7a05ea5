//! Renders many variants of one terms file in a single process, for `scripts/bench`: the
//! per-set cost once the process, the templates and the allocator are warm. Each set is written
//! to its own folder under OUT, as `secdraft render` would write it.
//!
//!     cargo run --release --example batch -- TERMS.yaml COUNT OUT
//!
//! Prints the total seconds, the seconds per set, the bytes written, and the seconds per set
//! spent before writing (loading, figures, templates, HTML).

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(count), Some(out)) =
        (args.get(1), args.get(2).and_then(|c| c.parse::<u64>().ok()), args.get(3))
    else {
        eprintln!("usage: batch TERMS.yaml COUNT OUT");
        return ExitCode::from(2);
    };
    match run(Path::new(path), count, Path::new(out)) {
        Ok((seconds, rendering, bytes)) => {
            let sets = count.max(1) as f64;
            println!("{seconds:.6} {:.9} {bytes} {:.9}", seconds / sets, rendering / sets);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprint!("{}", error.render(false));
            ExitCode::from(2)
        }
    }
}

fn run(path: &Path, count: u64, out: &Path) -> Result<(f64, f64, usize), secdraft::diagnostics::Diagnostic> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| secdraft::diagnostics::Diagnostic::new(format!("{}: {e}", path.display())))?;
    let templates = secdraft::render::Templates::embedded()?;
    let start = Instant::now();
    let mut bytes = 0;
    let mut rendering = 0.0;
    for i in 0..count {
        // Each variant has a different closing price: a different premium, yield and wording.
        let variant = text.replacen("price: 0.083", &format!("price: 0.{:05}", 7_000 + 5 * i), 1);
        let rendered_from = Instant::now();
        let set = secdraft::pipeline::render_loaded(secdraft::terms::load_str(path, variant)?, &templates)?;
        rendering += rendered_from.elapsed().as_secs_f64();
        secdraft::output::write_all(&out.join(format!("set{i}")), &set.files, false)?;
        bytes += set.files.iter().map(|f| f.bytes.len()).sum::<usize>();
    }
    Ok((start.elapsed().as_secs_f64(), rendering, bytes))
}
