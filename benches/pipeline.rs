//! In-process benchmarks (divan): the figure engine, one full-set render, one check, and
//! `check` of the Offer to Exchange grown 10, 100 and 1,000 times.
//! Run with `cargo bench`; scripts/bench compares whole processes against the Python peer.

use std::path::Path;

use divan::Bencher;

// Counts allocations beside the times: a render that allocates per row shows up here first.
#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

const COMMENCED: &str = "data/meridian-exchange-commenced.yaml";

fn loaded() -> secdraft::terms::LoadedTerms {
    secdraft::terms::load(Path::new(COMMENCED)).expect("the example loads")
}

/// The figures of the terms in force, as the filing computes them.
#[divan::bench]
fn figure_engine(bencher: Bencher) {
    let terms = loaded().terms;
    let kind = terms.kind();
    let in_force = terms.in_force();
    bencher
        .bench(|| secdraft::figures::compute(divan::black_box(&terms), &in_force, 0, kind).expect("figures"));
}

/// Everything the filing derives once: terms in force, timetable, figures.
#[divan::bench]
fn derive_filing(bencher: Bencher) {
    let loaded = loaded();
    bencher.bench(|| secdraft::filing::Filing::build(divan::black_box(loaded.clone())).expect("filing"));
}

#[divan::bench]
fn load_terms(bencher: Bencher) {
    let text = std::fs::read_to_string(COMMENCED).unwrap();
    bencher.bench(|| {
        secdraft::terms::load_str(Path::new(COMMENCED), divan::black_box(text.clone())).expect("loads")
    });
}

#[divan::bench]
fn full_set_render(bencher: Bencher) {
    let templates = secdraft::render::Templates::embedded().unwrap();
    let terms = loaded();
    bencher.bench(|| {
        secdraft::pipeline::render_loaded(divan::black_box(terms.clone()), &templates).expect("renders")
    });
}

#[divan::bench]
fn check_rendered_set(bencher: Bencher) {
    let set = secdraft::pipeline::render_file(Path::new(COMMENCED), None).unwrap();
    let documents: Vec<secdraft::check::Document> = set
        .files
        .iter()
        .filter_map(|f| {
            secdraft::check::Format::of(&f.name).map(|format| secdraft::check::Document {
                name: f.name.clone(),
                format,
                source: String::from_utf8_lossy(&f.bytes).into_owned(),
            })
        })
        .collect();
    bencher.bench(|| {
        secdraft::check::check(
            divan::black_box(&documents),
            secdraft::check::Mode::Filing,
            Some(set.rendered()),
        )
    });
}

/// The commenced Offer to Exchange, its body repeated `times` times: a filing `times` times the
/// size, built in memory. Throughput (bytes a second) is the figure to read: flat across the
/// sizes when `check` is linear.
fn scaled_offer(format: secdraft::check::Format, times: usize) -> secdraft::check::Document {
    let set = secdraft::pipeline::render_file(Path::new(COMMENCED), None).unwrap();
    let name = match format {
        secdraft::check::Format::Html => "offer-to-exchange.htm",
        _ => "offer-to-exchange.md",
    };
    let file = set.files.iter().find(|f| f.name == name).expect("the Offer to Exchange");
    let text = String::from_utf8_lossy(&file.bytes).into_owned();
    let source = match format {
        secdraft::check::Format::Html => {
            let body = text.find("<body").unwrap_or(0);
            let start = text[body..].find('>').map_or(0, |p| body + p + 1);
            let end = text.rfind("</body>").unwrap_or(text.len());
            format!("{}{}{}", &text[..start], text[start..end].repeat(times), &text[end..])
        }
        _ => text.repeat(times),
    };
    secdraft::check::Document { name: name.into(), format, source }
}

fn check_scaled(bencher: Bencher, format: secdraft::check::Format, times: usize) {
    let documents = [scaled_offer(format, times)];
    let set = secdraft::pipeline::render_file(Path::new(COMMENCED), None).unwrap();
    bencher.counter(divan::counter::BytesCount::of_str(&documents[0].source)).bench(|| {
        secdraft::check::check(
            divan::black_box(&documents),
            secdraft::check::Mode::Filing,
            Some(set.rendered()),
        )
    });
}

#[divan::bench(args = [10, 100, 1000], sample_count = 10, sample_size = 1)]
fn check_offer_html_times(bencher: Bencher, times: usize) {
    check_scaled(bencher, secdraft::check::Format::Html, times);
}

#[divan::bench(args = [10, 100, 1000], sample_count = 10, sample_size = 1)]
fn check_offer_markdown_times(bencher: Bencher, times: usize) {
    check_scaled(bencher, secdraft::check::Format::Markdown, times);
}
