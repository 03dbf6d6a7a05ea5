fn main() {
    std::process::exit(secdraft::cli::run());
}
