//! What every reliability test needs: the binary, and the example terms.

use assert_cmd::Command;

pub const EXAMPLE: &str = "data/ault-alliance-2023-12-13.yaml";

/// The secdraft binary, without colour so messages compare as plain text.
pub fn secdraft() -> Command {
    let mut cmd = Command::cargo_bin("secdraft").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}
