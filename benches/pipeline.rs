//! In-process benchmarks (divan): the figure engine, one full-set render, one check.
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

#[divan::bench]
fn figure_engine(bencher: Bencher) {
    let terms = loaded().terms;
    bencher.bench(|| secdraft::figures::compute(divan::black_box(&terms)).expect("figures"));
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
            Some(&set.figures),
        )
    });
}
