//! `--set` changes exactly one value of the YAML structure, or refuses and says why.
