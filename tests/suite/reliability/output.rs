//! The output folder and the files secdraft reads: nothing lost, nothing half-written.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::common::{EXAMPLE, secdraft};

/// Long enough for any run here, short enough that a hang fails the test instead of the suite.
const HANG: Duration = Duration::from_secs(20);

/// The set written over the example's in the tests of whole writes: other figures in the text
/// of every document, and two files the example's set does not have.
const NEW_SET: [&str; 4] =
    ["--set", "offer.consideration.aggregate_liquidation_preference=30000000", "--tie-out", "--force"];

/// What a folder holds: each entry by name, with its bytes, or what it is when not a file;
/// in secdraft's own folder `.secdraft`, each file (the bases) by its path in the folder.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    snapshot_in(dir, false)
}

fn snapshot_in(dir: &Path, secdraft_s: bool) -> BTreeMap<String, String> {
    let mut held = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let file_type = entry.file_type().unwrap();
        if file_type.is_dir() && (secdraft_s || name == ".secdraft") {
            for (inner, what) in snapshot_in(&entry.path(), true) {
                held.insert(format!("{name}/{inner}"), what);
            }
            continue;
        }
        let what = if file_type.is_file() {
            String::from_utf8_lossy(&fs::read(entry.path()).unwrap()).into_owned()
        } else if file_type.is_symlink() {
            format!("link to {}", fs::read_link(entry.path()).unwrap().display())
        } else {
            format!("{file_type:?}")
        };
        held.insert(name, what);
    }
    held
}

fn names(held: &BTreeMap<String, String>) -> Vec<&str> {
    held.keys().map(String::as_str).collect()
}

fn render_into(dir: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    secdraft().args(["render", EXAMPLE, "--out"]).arg(dir).args(extra).timeout(HANG).assert()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Each thing that can stand where a draft goes and that secdraft cannot read and verify: a
/// render stops (exit 2, nothing written, the file named with what it is), `--force` or not,
/// and so does `render --check`. A FIFO is never opened: the runs end at once.
#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read_or_verified_is_never_replaced() {
    use std::os::unix::fs::symlink;
    type Plant = fn(&Path);
    let cases: [(&str, Plant, &str); 6] = [
        ("FIFO", |p| mkfifo(p), "it is a named pipe (FIFO), not a regular file"),
        ("link loop", |p| symlink(p, p).unwrap(), "it is a symbolic link loop, not a regular file"),
        (
            "dangling link",
            |p| symlink(p.with_file_name("gone.md"), p).unwrap(),
            "it is a symbolic link to nothing (its target does not exist), not a regular file",
        ),
        ("link to /dev/zero", |p| symlink("/dev/zero", p).unwrap(), "a symbolic link to a character device"),
        (
            "link to a draft",
            |p| symlink(p.with_file_name("schedule-to.md"), p).unwrap(),
            "a symbolic link to a regular file",
        ),
        ("folder", |p| fs::create_dir(p).unwrap(), "a folder of that name is in the way"),
    ];
    for (case, plant, why) in cases {
        let dir = tempfile::tempdir().unwrap();
        render_into(dir.path(), &[]).success();
        let draft = dir.path().join("press-release.md");
        fs::remove_file(&draft).unwrap();
        plant(&draft);
        let before = snapshot(dir.path());
        for force in [&[][..], &["--force"][..]] {
            render_into(
                dir.path(),
                &[&["--set", "offer.consideration.aggregate_liquidation_preference=30000000"], force]
                    .concat(),
            )
            .code(2)
            .stderr(predicate::str::contains("nothing was written"))
            .stderr(predicate::str::contains(draft.to_string_lossy().as_ref()))
            .stderr(predicate::str::contains(why));
            assert_eq!(snapshot(dir.path()), before, "{case}, {force:?}");
        }
        render_into(dir.path(), &["--check"])
            .code(2)
            .stderr(predicate::str::contains(draft.to_string_lossy().as_ref()));
        assert_eq!(snapshot(dir.path()), before, "{case}, --check");
    }
}

/// Every file in the way is named, each with why, in one message.
#[cfg(unix)]
#[test]
fn every_file_in_the_way_is_named() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("press-release.htm"));
    fs::write(dir.path().join("schedule-to.md"), "Counsel's own text.\n").unwrap();
    render_into(dir.path(), &[])
        .code(2)
        .stderr(predicate::str::contains("press-release.htm (it is a named pipe (FIFO)"))
        .stderr(predicate::str::contains("schedule-to.md (not written by secdraft)"));
    assert_eq!(names(&snapshot(dir.path())), ["press-release.htm", "schedule-to.md"]);
}

/// New drafts get the mode the umask gives; a replaced draft keeps the mode it had.
#[cfg(unix)]
#[test]
fn drafts_get_the_umask_mode_and_keep_their_own() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts");
    let under_umask = |umask: &str, extra: &[&str]| {
        assert_cmd::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_secdraft"))
            .args(["render", EXAMPLE, "--out"])
            .arg(&out)
            .args(extra)
            .timeout(HANG)
            .assert()
            .success();
    };
    under_umask("022", &[]);
    for name in ["schedule-to.md", "schedule-to.htm", "press-release.md", "press-release.htm"] {
        assert_eq!(mode(&out.join(name)), 0o644, "{name}");
    }
    fs::set_permissions(out.join("schedule-to.md"), fs::Permissions::from_mode(0o640)).unwrap();
    under_umask("077", &NEW_SET);
    assert_eq!(mode(&out.join("schedule-to.md")), 0o640, "a replaced file keeps its mode");
    assert_eq!(mode(&out.join("press-release.md")), 0o644, "a replaced file keeps its mode");
    assert_eq!(mode(&out.join("tie-out.md")), 0o600, "a new file gets the umask's mode");
    under_umask("002", &["--tie-out"]);
    assert_eq!(mode(&out.join("tie-out.htm")), 0o600, "kept on a second render");
    fs::remove_file(out.join("tie-out.htm")).unwrap();
    under_umask("002", &["--tie-out"]);
    assert_eq!(mode(&out.join("tie-out.htm")), 0o664);
}

/// The example's set in a folder, and the snapshots of that set and of [`NEW_SET`].
#[cfg(debug_assertions)]
fn old_and_new_sets(dir: &Path) -> (std::path::PathBuf, BTreeMap<String, String>, BTreeMap<String, String>) {
    let new = dir.join("new");
    render_into(&new, &NEW_SET).success();
    let out = dir.join("out");
    render_into(&out, &[]).success();
    (out.clone(), snapshot(&out), snapshot(&new))
}

/// A write that fails at any step (a rename refused midway, as by a sticky shared folder or
/// an immutable file) puts back the set that was there: the same files, no litter.
#[cfg(debug_assertions)]
#[test]
fn a_write_failing_at_any_step_leaves_the_old_set() {
    let dir = tempfile::tempdir().unwrap();
    let (out, old, new) = old_and_new_sets(dir.path());
    let mut step = 1;
    loop {
        let assert = secdraft()
            .env("SECDRAFT_TEST_FAULT", format!("fail-step:{step}"))
            .args(["render", EXAMPLE, "--out"])
            .arg(&out)
            .args(NEW_SET)
            .timeout(HANG)
            .assert();
        if assert.get_output().status.success() {
            break;
        }
        assert
            .code(2)
            .stderr(predicate::str::contains("failure injected by SECDRAFT_TEST_FAULT"))
            .stderr(predicate::str::contains("nothing was written"));
        assert_eq!(snapshot(&out), old, "failed at step {step}");
        step += 1;
        assert!(step < 40, "the write never got past its failures");
    }
    // Placing the journal, moving each of 6 old files aside (4 drafts, 2 bases) and 9 new ones
    // in (6 drafts, 3 bases), removing it.
    assert_eq!(step, 18, "every step was made to fail once");
    assert_eq!(snapshot(&out), new);
}

#[cfg(debug_assertions)]
fn faulty_render(out: &Path, fault: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    secdraft()
        .env("SECDRAFT_TEST_FAULT", fault)
        .args(["render", EXAMPLE, "--out"])
        .arg(out)
        .args(args)
        .timeout(HANG)
        .assert()
}

/// A reader of the folder: it undoes a write killed midway before it reads.
fn read_folder(out: &Path) -> assert_cmd::assert::Assert {
    secdraft().args(["render", EXAMPLE, "--check", "--out"]).arg(out).timeout(HANG).assert()
}

/// A write killed right after any step is undone by the next run into the folder, which
/// says so: the folder then holds the old set or (killed after the last step) the new one,
/// with no litter.
#[cfg(debug_assertions)]
#[test]
fn a_write_killed_after_any_step_is_undone_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let (out, old, new) = old_and_new_sets(dir.path());
    for step in 1..=17 {
        let killed = faulty_render(&out, &format!("abort-after-step:{step}"), &NEW_SET);
        assert!(!killed.get_output().status.success(), "step {step}: the run was not stopped");
        let recovery = read_folder(&out);
        let mut held = snapshot(&out);
        if step < 17 {
            recovery.code(0).stderr(predicate::str::contains("was interrupted; put back the files"));
            assert_eq!(held, old, "killed after step {step}");
        } else {
            // Killed once the journal was gone: the new set stands. The staging folder, its
            // `old` holding the replaced files with no journal to tell whether they are the
            // only copy, is kept and named.
            recovery.code(1).stderr(predicate::str::contains("warning: kept"));
            let staging: Vec<String> =
                held.keys().filter(|name| name.starts_with(".secdraft-staging-")).cloned().collect();
            assert_eq!(staging.len(), 1, "killed after step {step}");
            held.remove(&staging[0]);
            assert_eq!(held, new, "killed after step {step}");
            fs::remove_dir_all(&out).unwrap();
            render_into(&out, &[]).success();
        }
    }
    // A render, not only a reader, recovers too, then writes.
    faulty_render(&out, "abort-after-step:5", &NEW_SET);
    render_into(&out, &NEW_SET).success().stderr(predicate::str::contains("was interrupted"));
    assert_eq!(snapshot(&out), new);
}

/// `check DIR` and `diff` read a folder as `render --check` does: a write killed there is
/// undone first, and they say so, so what they read is one whole set.
#[cfg(debug_assertions)]
#[test]
fn readers_undo_a_killed_write_before_they_read() {
    let dir = tempfile::tempdir().unwrap();
    let (out, old, _) = old_and_new_sets(dir.path());
    let told = predicate::str::contains("was interrupted; put back the files");
    assert!(!faulty_render(&out, "abort-after-step:6", &NEW_SET).get_output().status.success());
    secdraft().args(["check", "--mode", "draft"]).arg(&out).timeout(HANG).assert().stderr(told.clone());
    assert_eq!(snapshot(&out), old);
    assert!(!faulty_render(&out, "abort-after-step:6", &NEW_SET).get_output().status.success());
    secdraft()
        .arg("diff")
        .arg(&out)
        .arg(&out)
        .arg("--out")
        .arg(dir.path().join("blacklines"))
        .timeout(HANG)
        .assert()
        .success()
        .stderr(told);
    assert_eq!(snapshot(&out), old);
}

/// Undoing a killed write is itself killed at each of its steps; the run after that finishes
/// it. Killed after step 16 (every file moved, the journal not yet removed), the undoing has
/// the most to do: nine files (six drafts, three bases) and the journal.
#[cfg(debug_assertions)]
#[test]
fn undoing_a_killed_write_survives_being_killed_itself() {
    let dir = tempfile::tempdir().unwrap();
    let (out, old, _) = old_and_new_sets(dir.path());
    for undo_step in 1..=10 {
        assert!(!faulty_render(&out, "abort-after-step:16", &NEW_SET).get_output().status.success());
        let interrupted = secdraft()
            .env("SECDRAFT_TEST_FAULT", format!("abort-after-step:{undo_step}"))
            .args(["render", EXAMPLE, "--check", "--out"])
            .arg(&out)
            .timeout(HANG)
            .assert();
        assert!(!interrupted.get_output().status.success(), "undo step {undo_step}: not stopped");
        // Killed after its last step, the undoing was complete: only its staging folder is left.
        let told = predicate::str::contains("was interrupted");
        let recovery = read_folder(&out).code(0);
        if undo_step < 10 {
            recovery.stderr(told);
        } else {
            recovery.stderr(told.not());
        }
        assert_eq!(snapshot(&out), old, "undoing killed after its step {undo_step}");
    }
}

/// A failure after `--out a/b/c` was created leaves none of the folders it created.
#[cfg(debug_assertions)]
#[test]
fn a_failed_write_removes_the_folders_it_created() {
    let dir = tempfile::tempdir().unwrap();
    for step in [1, 2, 5] {
        faulty_render(&dir.path().join("a/b/c"), &format!("fail-step:{step}"), &[]).code(2);
        assert!(snapshot(dir.path()).is_empty(), "failed at step {step}: {:?}", snapshot(dir.path()));
    }
    fs::create_dir(dir.path().join("a")).unwrap();
    faulty_render(&dir.path().join("a/b/c"), "fail-step:3", &[]).code(2);
    assert_eq!(names(&snapshot(dir.path())), ["a"]);
    assert!(snapshot(&dir.path().join("a")).is_empty(), "the folder that was there stays, empty");
}

/// Renders of a large set really killed (SIGKILL) at delays over a whole run and within the
/// write: after the next run the folder holds one whole set or the other, and no litter. The
/// write takes well under a millisecond, so the renders are slowed there (debug builds' test
/// hook: each step of the write waits a few milliseconds) for kills to land within it.
#[cfg(debug_assertions)]
#[test]
fn a_render_killed_at_any_moment_leaves_one_whole_set() {
    const TERMS: &str = "data/meridian-exchange-commenced.yaml";
    let new_args = ["--set", "issuer.phone=(702) 555-0199", "--tie-out"];
    let dir = tempfile::tempdir().unwrap();
    let (out, new) = (dir.path().join("out"), dir.path().join("new"));
    let slowed = || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_secdraft"));
        command
            .env("SECDRAFT_TEST_FAULT", "slow-steps:4")
            .args(["render", TERMS, "--out"])
            .arg(&out)
            .args(new_args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        command
    };
    secdraft().args(["render", TERMS, "--out"]).arg(&new).args(new_args).assert().success();
    let new = snapshot(&new);
    secdraft().args(["render", TERMS, "--out"]).arg(&out).assert().success();
    let old = snapshot(&out);
    let started = Instant::now();
    assert!(slowed().status().unwrap().success());
    let whole_run = started.elapsed();
    let (mut finished, mut undone) = (0, 0);
    // Kills at delays over a whole run, from before anything is read; then at delays after
    // the journal appears, so within the moves; the last well past the end.
    let journal = out.join(".secdraft-journal");
    let over_the_run = (0..6).map(|i| (false, whole_run * i / 6));
    let within_the_moves = (0..6).map(|i| (true, Duration::from_millis(8 * i)));
    for (after_journal, delay) in over_the_run.chain(within_the_moves).chain([(false, whole_run * 3)]) {
        fs::remove_dir_all(&out).unwrap();
        secdraft().args(["render", TERMS, "--out"]).arg(&out).assert().success();
        let mut child = slowed().spawn().unwrap();
        if after_journal {
            let deadline = Instant::now() + HANG;
            while !journal.exists() && child.try_wait().unwrap().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_micros(200));
            }
        }
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        // The next run into the folder, here a reader.
        let next = secdraft().args(["render", TERMS, "--check", "--out"]).arg(&out).timeout(HANG).assert();
        undone += usize::from(String::from_utf8_lossy(&next.get_output().stderr).contains("was interrupted"));
        let held = snapshot(&out);
        assert!(held == old || held == new, "killed after {delay:?}: {:?}", names(&held));
        finished += usize::from(held == new);
    }
    assert!(finished > 0, "no render finished within the delays ({whole_run:?} a run)");
    assert!(undone > 0, "no kill landed within a write: the test did not test it");
}

/// Two runs into one folder at once: the second stops at once, naming the folder, and writes
/// nothing. The test holds the lock a secdraft run would hold.
#[cfg(unix)]
#[test]
fn a_second_run_into_a_folder_being_written_stops_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    render_into(&out, &[]).success();
    let before = snapshot(&out);
    let writer = fs::File::open(&out).unwrap();
    writer.try_lock().unwrap();
    let started = Instant::now();
    render_into(&out, &NEW_SET)
        .code(2)
        .stderr(predicate::str::contains("another secdraft is writing into or reading"))
        .stderr(predicate::str::contains(out.to_string_lossy().as_ref()));
    secdraft()
        .arg("check")
        .arg(&out)
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("another secdraft is writing into it now"));
    assert!(started.elapsed() < Duration::from_secs(10), "the runs waited for the lock");
    assert_eq!(snapshot(&out), before);
    drop(writer);
    // A reader holds a shared lock: other readers go on, writers stop.
    let reader = fs::File::open(&out).unwrap();
    reader.try_lock_shared().unwrap();
    read_folder(&out).code(0);
    render_into(&out, &NEW_SET).code(2);
    drop(reader);
    render_into(&out, &NEW_SET).success();
}

/// Litter left by killed runs of earlier versions (their temporary files) and staging
/// folders with no journal are swept by the next write.
#[test]
fn litter_of_killed_runs_is_swept() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".secdraft-Ab12Cd"), "half a draft").unwrap();
    fs::create_dir_all(dir.path().join(".secdraft-staging-x1y2z3/new")).unwrap();
    fs::write(dir.path().join(".secdraft-staging-x1y2z3/new/press-release.md"), "new").unwrap();
    fs::write(dir.path().join(".secdraft-notes"), "not ours to remove").unwrap();
    render_into(dir.path(), &[]).success();
    assert_eq!(
        names(&snapshot(dir.path())),
        [
            ".secdraft-notes",
            ".secdraft/base/press-release.md",
            ".secdraft/base/schedule-to.md",
            "press-release.htm",
            "press-release.md",
            "schedule-to.htm",
            "schedule-to.md"
        ]
    );
}

/// Special files as inputs: refused by name, with what they are, at once (a FIFO is never
/// opened, `/dev/zero` never read).
#[cfg(unix)]
#[test]
fn special_files_as_inputs_are_refused_at_once() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    mkfifo(&at("fifo.yaml"));
    mkfifo(&at("fifo.md"));
    symlink("/dev/zero", at("zero.yaml")).unwrap();
    symlink("/dev/zero", at("zero.md")).unwrap();
    let out = at("out");
    let refused = |args: &[&std::ffi::OsStr], file: &str, why: &str| {
        secdraft()
            .args(args)
            .timeout(HANG)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(at(file).to_string_lossy().as_ref()))
            .stderr(predicate::str::contains(why));
    };
    let os = |p: &Path| p.as_os_str().to_owned();
    let render = |terms: &Path| vec![os("render".as_ref()), os(terms), os("--out".as_ref()), os(&out)];
    refused(
        &render(&at("fifo.yaml")).iter().map(|s| s.as_os_str()).collect::<Vec<_>>(),
        "fifo.yaml",
        "a named pipe (FIFO)",
    );
    refused(
        &render(&at("zero.yaml")).iter().map(|s| s.as_os_str()).collect::<Vec<_>>(),
        "zero.yaml",
        "a symbolic link to a character device",
    );
    secdraft()
        .args(["render", "/dev/zero", "--out"])
        .arg(&out)
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/dev/zero: it is a character device, not a regular file"));
    secdraft().args(["check", "--set", "x=1"]).arg(at("fifo.yaml")).timeout(HANG).assert().code(2);
    refused(&[os("check".as_ref()).as_os_str(), at("fifo.md").as_os_str()], "fifo.md", "a named pipe (FIFO)");
    refused(&[os("check".as_ref()).as_os_str(), at("zero.md").as_os_str()], "zero.md", "a character device");
    // In a folder that `check` or `diff` reads.
    let drafts = at("drafts");
    render_into(&drafts, &[]).success();
    mkfifo(&drafts.join("notes.md"));
    secdraft()
        .arg("check")
        .arg(&drafts)
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("notes.md: it is a named pipe (FIFO)"));
    let other = at("other");
    render_into(&other, &[]).success();
    secdraft()
        .arg("diff")
        .arg(&other)
        .arg(&drafts)
        .arg("--out")
        .arg(at("blacklines"))
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("notes.md: it is a named pipe (FIFO)"));
    secdraft()
        .arg("diff")
        .arg(other.join("press-release.md"))
        .arg(at("fifo.md"))
        .arg("--out")
        .arg(at("blacklines"))
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("fifo.md: it is a named pipe (FIFO)"));
    assert!(!out.exists() && !at("blacklines").exists(), "nothing was written");
}

/// Documents to check or compare are capped by size before they are read: a 200 MB file
/// once took 2 GB. (The file is sparse: it takes no room.)
#[test]
fn documents_over_the_cap_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.md");
    fs::File::create(&big).unwrap().set_len(200 * 1024 * 1024).unwrap();
    secdraft().arg("check").arg(&big).timeout(HANG).assert().code(2).stderr(predicate::str::contains(
        "big.md: it is 209715200 bytes; secdraft reads at most 33554432 bytes (32 MiB)",
    ));
    secdraft()
        .arg("check")
        .arg(dir.path())
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("32 MiB"));
}

/// Two documents with one stem get a blackline each, under names of their own, and the
/// count of files written is the count written. Without a clash, the names are as before.
#[test]
fn documents_sharing_a_stem_get_a_blackline_each() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new, out) = (dir.path().join("old"), dir.path().join("new"), dir.path().join("out"));
    for (folder, word) in [(&old, "old"), (&new, "new")] {
        fs::create_dir(folder).unwrap();
        fs::write(folder.join("a.md"), format!("The markdown, {word}.\n")).unwrap();
        fs::write(folder.join("a.txt"), format!("The text, {word}.\n")).unwrap();
        fs::write(folder.join("b.md"), format!("Another, {word}.\n")).unwrap();
    }
    secdraft()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .arg("--out")
        .arg(&out)
        .timeout(HANG)
        .assert()
        .success()
        .stdout(predicate::str::contains("wrote 4 files"));
    let held = snapshot(&out);
    assert_eq!(names(&held), ["a-md-blackline.htm", "a-txt-blackline.htm", "b-blackline.htm", "changes.md"]);
    assert!(held["a-md-blackline.htm"].contains("The markdown"));
    assert!(held["a-txt-blackline.htm"].contains("The text"));
    assert!(held["changes.md"].contains("(blackline: a-txt-blackline.htm)"), "{}", held["changes.md"]);
}

/// A journal that cannot be read (empty, as a system crash can leave it, or not secdraft's)
/// stops the run, naming it: the folder may hold parts of two sets, and only the journal
/// tells which.
#[test]
fn a_journal_that_cannot_be_read_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    render_into(dir.path(), &[]).success();
    let journal = dir.path().join(".secdraft-journal");
    for (content, why) in [
        ("", "it is empty"),
        (r#"{"staging": "../elsewhere", "files": []}"#, "it names files outside the folder"),
    ] {
        fs::write(&journal, content).unwrap();
        let before = snapshot(dir.path());
        render_into(dir.path(), &NEW_SET)
            .code(2)
            .stderr(predicate::str::contains(journal.to_string_lossy().as_ref()))
            .stderr(predicate::str::contains(why));
        assert_eq!(snapshot(dir.path()), before);
    }
}

/// A render started, then waited on until its journal is in place: it is between looking at
/// the folder and moving the files, each of its steps slowed so that what the test does to
/// the folder lands there.
#[cfg(debug_assertions)]
fn render_caught_midway(out: &Path, args: &[&str]) -> std::process::Child {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("secdraft"))
        .env("NO_COLOR", "1")
        .env("SECDRAFT_TEST_FAULT", "slow-steps:150")
        .args(["render", EXAMPLE, "--out"])
        .arg(out)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !out.join(".secdraft-journal").exists() {
        assert!(started.elapsed() < HANG, "the render never placed its journal");
        assert!(child.try_wait().unwrap().is_none(), "the render ended before its journal");
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

/// Counsel saves a draft, or a file of their own under a name the set adds, while a render
/// is writing the set (after it looked at the folder, before it moved the files): the render
/// stops and puts the old set back, and neither the edit nor the new file is lost.
#[cfg(debug_assertions)]
#[test]
fn a_file_saved_while_a_set_is_written_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (out, old, _) = old_and_new_sets(dir.path());
    for (name, text) in [
        ("schedule-to.md", "Counsel's edit, saved during the render.\n"),
        ("tie-out.md", "Counsel's own tie-out notes.\n"),
    ] {
        let child = render_caught_midway(&out, &NEW_SET);
        fs::write(out.join(name), text).unwrap();
        let run = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(&out.join(name).display().to_string()), "{stderr}");
        assert!(stderr.contains("nothing was written"), "{stderr}");
        let mut expected = old.clone();
        expected.insert(name.into(), text.into());
        assert_eq!(snapshot(&out), expected, "{name}");
        fs::remove_dir_all(&out).unwrap();
        render_into(&out, &[]).success();
    }
}

/// A journal whose staging folder is gone (swept by hand as litter), or is a link leading
/// out of the folder, or that names as new a file that holds something else: recovering
/// from it neither deletes a file of the folder nor moves one in from elsewhere, and says
/// why it stops.
#[cfg(unix)]
#[test]
fn recovery_touches_only_what_the_journal_moved() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    render_into(&out, &[]).success();
    fs::write(out.join("terms.yaml"), "counsel's terms\n").unwrap();
    let outside = dir.path().join("elsewhere");
    fs::create_dir_all(outside.join("old")).unwrap();
    fs::write(outside.join("old").join("press-release.md"), "from elsewhere\n").unwrap();
    let journal = |staging: &str| {
        format!(
            r#"{{"staging": "{staging}", "files": [
                {{"name": "terms.yaml", "replaces": false, "sha256": "{0}"}},
                {{"name": "press-release.md", "replaces": true, "sha256": "{0}"}}]}}"#,
            "0".repeat(64)
        )
    };
    let staging = out.join(".secdraft-staging-abc123");
    for (case, plant) in [
        ("staging folder gone", None),
        ("staging folder a link out", Some(&outside)),
        ("staging folder empty", Some(&out.join("unused"))),
    ] {
        match plant {
            Some(target) if case.contains("link") => std::os::unix::fs::symlink(target, &staging).unwrap(),
            Some(_) => fs::create_dir(&staging).unwrap(),
            None => {}
        }
        fs::write(out.join(".secdraft-journal"), journal(".secdraft-staging-abc123")).unwrap();
        let before = snapshot(&out);
        let run = secdraft().args(["check", "--mode", "draft"]).arg(&out).timeout(HANG).assert();
        if case == "staging folder empty" {
            // Nothing to put back and nothing it moved in: the folder is as it was.
            run.stderr(predicate::str::contains("was interrupted"));
            let mut expected = before.clone();
            expected.remove(".secdraft-journal");
            expected.remove(".secdraft-staging-abc123");
            assert_eq!(snapshot(&out), expected, "{case}");
        } else {
            run.code(2)
                .stderr(predicate::str::contains("staging folder"))
                .stderr(predicate::str::contains("is missing"));
            assert_eq!(snapshot(&out), before, "{case}");
            fs::remove_file(out.join(".secdraft-journal")).unwrap();
            let _ = fs::remove_file(&staging);
        }
        assert_eq!(fs::read_to_string(out.join("terms.yaml")).unwrap(), "counsel's terms\n", "{case}");
        assert_eq!(
            fs::read_to_string(outside.join("old").join("press-release.md")).unwrap(),
            "from elsewhere\n"
        );
    }
}

/// Many documents each under the cap of one still add up: a folder of twelve 30 MiB files
/// (sparse: they take no room) once took 3.7 GB and 100 s in `check`. The documents of one
/// run are capped in all, in `check` of a folder or of files named one by one and in `diff`
/// of two folders: exit 2 at once, naming the file that passes the total.
#[test]
fn documents_are_capped_in_all_not_only_each() {
    let dir = tempfile::tempdir().unwrap();
    let many = dir.path().join("many");
    fs::create_dir(&many).unwrap();
    let mut files = Vec::new();
    for i in 0..12 {
        let path = many.join(format!("exhibit-{i:02}.md"));
        fs::File::create(&path).unwrap().set_len(30 * 1024 * 1024).unwrap();
        files.push(path);
    }
    let told = "exhibit-02.md: with the files read before it, it passes 67108864 bytes (64 MiB), the most secdraft reads in one run";
    let runs = [
        secdraft().arg("check").arg(&many).timeout(HANG).assert(),
        secdraft().arg("check").args(&files).timeout(HANG).assert(),
    ];
    for run in runs {
        run.code(2).stderr(predicate::str::contains(told));
    }
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    fs::File::create(other.join("exhibit-00.md")).unwrap().set_len(30 * 1024 * 1024).unwrap();
    let out = dir.path().join("blacklines");
    secdraft()
        .arg("diff")
        .arg(&other)
        .arg(&many)
        .arg("--out")
        .arg(&out)
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exhibit-01.md: with the files read before it"));
    assert!(!out.exists());
}

/// What a run reads is never written over, `--force` or not: a terms file kept in `--out`
/// under a draft's name (once replaced by the draft rendered from it), the templates folder
/// as `--out` (the drafts would land among the templates), and `diff` into OLD or NEW
/// (the blacklines and changes.md would be read as documents of the set by the next `diff`
/// or `check`), by its own name or through a link.
#[cfg(unix)]
#[test]
fn what_a_run_reads_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let terms = out.join("schedule-to.md");
    fs::copy(EXAMPLE, &terms).unwrap();
    let before = snapshot(&out);
    secdraft()
        .arg("render")
        .arg(&terms)
        .arg("--out")
        .arg(&out)
        .arg("--force")
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("which this run reads"))
        .stderr(predicate::str::contains(terms.to_string_lossy().as_ref()));
    assert_eq!(snapshot(&out), before);

    let templates = dir.path().join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(templates.join("_note.md"), "A partial of counsel's.\n").unwrap();
    let before = snapshot(&templates);
    render_into(&templates, &["--templates", templates.to_str().unwrap(), "--force"])
        .code(2)
        .stderr(predicate::str::contains("a folder this run reads"));
    assert_eq!(snapshot(&templates), before);

    let old = dir.path().join("old");
    let new = dir.path().join("new");
    render_into(&old, &[]).success();
    render_into(&new, &NEW_SET).success();
    let link = dir.path().join("link-to-old");
    std::os::unix::fs::symlink(&old, &link).unwrap();
    let (old_before, new_before) = (snapshot(&old), snapshot(&new));
    for into in [&old, &new, &link] {
        secdraft()
            .arg("diff")
            .arg(&old)
            .arg(&new)
            .arg("--out")
            .arg(into)
            .timeout(HANG)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("a folder this run reads"));
        assert_eq!((snapshot(&old), snapshot(&new)), (old_before.clone(), new_before.clone()));
    }
}

/// `diff` of folders pairs documents by name: two names that are not UTF-8 read alike
/// (`a\xff.md` and `a\xfe.md` both as `a�.md`) and one document was passed over, exit 0.
/// Such a name is refused, by name, and nothing is written.
#[cfg(target_os = "linux")]
#[test]
fn diff_refuses_names_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    for (side, words) in [("old", "Old"), ("new", "New")] {
        let folder = dir.path().join(side);
        fs::create_dir(&folder).unwrap();
        for byte in [0xfe, 0xff] {
            let name = [b'a', byte, b'.', b'm', b'd'];
            fs::write(folder.join(std::ffi::OsStr::from_bytes(&name)), format!("{words} text {byte}.\n"))
                .unwrap();
        }
    }
    let out = dir.path().join("blacklines");
    secdraft()
        .arg("diff")
        .arg(dir.path().join("old"))
        .arg(dir.path().join("new"))
        .arg("--out")
        .arg(&out)
        .timeout(HANG)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("its name is not valid UTF-8"));
    assert!(!out.exists());
}

/// The files of a templates folder are held at once too: four sparse 30 MiB partials took
/// 400 MB, and a hundred would take ten gigabytes. They are capped in all like documents.
#[test]
fn templates_are_capped_in_all() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).unwrap();
    for i in 1..=4 {
        fs::File::create(templates.join(format!("_part-{i}.md"))).unwrap().set_len(30 * 1024 * 1024).unwrap();
    }
    let out = dir.path().join("out");
    render_into(&out, &["--templates", templates.to_str().unwrap()])
        .code(2)
        .stderr(predicate::str::contains("cannot read the template"))
        .stderr(predicate::str::contains(
            "_part-3.md: with the files read before it, it passes 67108864 bytes",
        ));
    assert!(!out.exists());
}

/// A write killed after moving a new draft in; counsel edits that draft before the next
/// run. Putting the old draft back would lose the edit: the next run stops, exit 2, naming
/// the file and what to do; once the edited file is moved away, the old set is put back.
#[cfg(debug_assertions)]
#[test]
fn an_edit_made_after_a_kill_is_not_lost_to_the_undoing() {
    let dir = tempfile::tempdir().unwrap();
    let (out, old, _) = old_and_new_sets(dir.path());
    // Step 1 places the journal, 2 moves the old schedule-to.md aside, 3 moves the new in.
    assert!(!faulty_render(&out, "abort-after-step:3", &NEW_SET).get_output().status.success());
    let draft = out.join("schedule-to.md");
    let mut edited = fs::read_to_string(&draft).unwrap();
    edited.push_str("Counsel's edit after the kill.\n");
    fs::write(&draft, &edited).unwrap();
    read_folder(&out)
        .code(2)
        .stderr(predicate::str::contains(draft.to_string_lossy().as_ref()))
        .stderr(predicate::str::contains("would lose the change: move it out of the way"));
    assert_eq!(fs::read_to_string(&draft).unwrap(), edited);
    let kept = dir.path().join("edited.md");
    fs::rename(&draft, &kept).unwrap();
    read_folder(&out).code(0).stderr(predicate::str::contains("was interrupted; put back the files"));
    assert_eq!(snapshot(&out), old);
    assert_eq!(fs::read_to_string(&kept).unwrap(), edited);
}

/// A replaced draft keeps its owner and group as well as its mode: rendered by root (or by
/// anyone, for the group: a member of it) over a draft of counsel's in a folder shared by a
/// group, it once became root's, and the group's members could no longer edit it. Changing
/// a file's owner needs root: elsewhere there is nothing to try.
#[cfg(unix)]
#[test]
fn a_replaced_draft_keeps_its_owner_and_group() {
    use std::os::unix::fs::MetadataExt;
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: changing a file's owner needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    render_into(dir.path(), &[]).success();
    let draft = dir.path().join("schedule-to.md");
    std::os::unix::fs::chown(&draft, Some(4321), Some(8765)).unwrap();
    render_into(dir.path(), &NEW_SET).success();
    let meta = fs::metadata(&draft).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 8765));
    let created = fs::metadata(dir.path().join("tie-out.md")).unwrap();
    assert_eq!((created.uid(), created.gid()), (0, fs::metadata(dir.path()).unwrap().gid()));
}

/// In an append-only folder (`chattr +a`: files can be added, not removed or renamed away)
/// a render cannot move the old drafts aside, nor remove its journal after undoing: the
/// folder holds the old set and the journal. That was reported as "the files already
/// replaced cannot be put back" (none had been) and "may hold parts of two sets" (it did
/// not). The messages now say the files are back and why the journal stays. Needs root and
/// a file system with attributes (ext4, xfs, btrfs); elsewhere there is nothing to try.
#[cfg(target_os = "linux")]
#[test]
fn an_append_only_folder_is_reported_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    render_into(&out, &[]).success();
    let chattr = |flag: &str| std::process::Command::new("chattr").arg(flag).arg(&out).output();
    if !chattr("+a").is_ok_and(|done| done.status.success()) {
        eprintln!("skipped: `chattr +a` needs root and a file system with attributes");
        return;
    }
    let old = snapshot(&out);
    let drafts: Vec<String> = names(&old).iter().map(|n| n.to_string()).collect();
    // Nothing asserted while the folder is append-only: a failure would leave it undeletable.
    let render = render_into(&out, &NEW_SET);
    let check = secdraft().args(["check", "--mode", "draft"]).arg(&out).timeout(HANG).assert();
    let held = snapshot(&out);
    chattr("-a").unwrap();
    render
        .code(2)
        .stderr(predicate::str::contains("holds the files it held before, but its journal"))
        .stderr(predicate::str::contains("append-only"))
        .stderr(predicate::str::contains("cannot be put back").not());
    check
        .code(2)
        .stderr(predicate::str::contains("the files it replaced are back, but its journal"))
        .stderr(predicate::str::contains("two sets").not());
    for draft in &drafts {
        assert_eq!(held.get(draft), old.get(draft), "{draft}");
    }
    read_folder(&out).code(0);
    assert_eq!(names(&snapshot(&out)), drafts);
}

/// Files and folders of counsel's that merely start like secdraft's working names are not
/// litter: a `.secdraft-staging-notes.md` in a checked folder was deleted by `check`, and a
/// `.secdraft-staging-drafts/` folder by `render`, with all it held.
#[test]
fn names_that_only_look_like_litter_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    render_into(&out, &[]).success();
    fs::write(out.join(".secdraft-staging-notes.md"), "Counsel's notes.\n").unwrap();
    fs::create_dir_all(out.join(".secdraft-staging-drafts")).unwrap();
    fs::write(out.join(".secdraft-staging-drafts").join("v1.md"), "An old draft of counsel's.\n").unwrap();
    let before = snapshot(&out);
    secdraft().args(["check", "--mode", "draft"]).arg(&out).timeout(HANG).assert().code(predicate::ne(2));
    render_into(&out, &NEW_SET).success();
    let after = snapshot(&out);
    assert_eq!(after[".secdraft-staging-notes.md"], before[".secdraft-staging-notes.md"]);
    assert_eq!(
        fs::read_to_string(out.join(".secdraft-staging-drafts").join("v1.md")).unwrap(),
        "An old draft of counsel's.\n"
    );
}

/// A `diff` of many documents writes a long journal: killed midway, one of 10,000
/// documents left a 1.3 MB journal that every later run refused to read (the cap was 1 MiB),
/// so the folder could never be recovered. Every journal a write makes can be read back.
#[cfg(debug_assertions)]
#[test]
fn a_killed_diff_of_many_documents_is_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old"), dir.path().join("new"));
    fs::create_dir(&old).unwrap();
    fs::create_dir(&new).unwrap();
    for i in 0..10_000 {
        fs::write(old.join(format!("document-{i}.md")), format!("Old text {i}.\n")).unwrap();
        fs::write(new.join(format!("document-{i}.md")), format!("New text {i}.\n")).unwrap();
    }
    let out = dir.path().join("blacklines");
    let killed = secdraft()
        .env("SECDRAFT_TEST_FAULT", "abort-after-step:5")
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .arg("--out")
        .arg(&out)
        .timeout(HANG)
        .assert();
    assert!(!killed.get_output().status.success());
    assert!(fs::metadata(out.join(".secdraft-journal")).unwrap().len() > 1024 * 1024);
    secdraft()
        .args(["check", "--mode", "draft"])
        .arg(&out)
        .timeout(HANG)
        .assert()
        .stderr(predicate::str::contains("was interrupted; put back the files"));
    assert!(names(&snapshot(&out)).is_empty());
}

/// A folder of thousands of files that cannot be read (here dangling links) is refused in a
/// message that names the first few and counts the rest: it once named all, 5 MB for 50,000.
#[cfg(unix)]
#[test]
fn a_folder_of_many_unreadable_files_is_refused_in_a_short_message() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5_000 {
        std::os::unix::fs::symlink("nowhere", dir.path().join(format!("exhibit-{i:04}.md"))).unwrap();
    }
    let run = secdraft().arg("check").arg(dir.path()).timeout(HANG).assert().code(2);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(stderr.contains("cannot read 5000 files of"), "{stderr}");
    assert!(stderr.contains("exhibit-0000.md (it is a symbolic link to nothing"), "{stderr}");
    assert!(stderr.contains("and 4980 more"), "{stderr}");
    assert!(stderr.len() < 10_000, "{} bytes", stderr.len());
}

/// A draft as secdraft stamps it, over the 32 MiB cap on documents read: the example's
/// press release with 40 MiB more text, as a blackline of two 20 MiB documents is.
fn large_draft(out: &Path) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let written = fs::read_to_string(out.join("press-release.md")).unwrap();
    let (_stamp, content) = written.split_once('\n').unwrap();
    let content = format!("{content}{}", "More text of the release.\n".repeat(40 * 1024 * 1024 / 26));
    let sha: String = Sha256::digest(content.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    format!("<!-- generated by secdraft; edits are detected; sha256:{sha} -->\n{content}").into_bytes()
}

/// Drafts secdraft wrote are verified whatever their size (a blackline of two 20 MiB
/// documents, every paragraph changed, is over 40 MiB): a render over one once called it "not
/// written by secdraft" and stopped, and the undoing of a killed write that had moved one in
/// could not verify it and stopped, the folder left holding parts of two sets.
#[test]
fn drafts_larger_than_any_document_read_are_verified() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    render_into(&out, &[]).success();
    let large = large_draft(&out);
    let draft = out.join("press-release.md");
    fs::write(&draft, &large).unwrap();
    render_into(&out, &[]).success();
    assert_ne!(fs::read(&draft).unwrap(), large);

    // A write killed after moving the large draft in over the old one.
    let old = fs::read(&draft).unwrap();
    let staging = out.join(".secdraft-staging-k1l2m3");
    fs::create_dir_all(staging.join("new")).unwrap();
    fs::create_dir_all(staging.join("old")).unwrap();
    fs::rename(&draft, staging.join("old/press-release.md")).unwrap();
    fs::write(&draft, &large).unwrap();
    let sha: String = {
        use sha2::{Digest, Sha256};
        Sha256::digest(&large).iter().map(|b| format!("{b:02x}")).collect()
    };
    fs::write(
        out.join(".secdraft-journal"),
        format!(
            r#"{{"staging": ".secdraft-staging-k1l2m3", "files": [{{"name": "press-release.md", "replaces": true, "sha256": "{sha}"}}]}}"#
        ),
    )
    .unwrap();
    read_folder(&out).code(0).stderr(predicate::str::contains("was interrupted; put back the files"));
    assert_eq!(fs::read(&draft).unwrap(), old);
    assert!(
        names(&snapshot(&out)).iter().all(|name| !name.starts_with('.') || name.starts_with(".secdraft/"))
    );
}

/// An empty journal (a system crash during a write) stops the run, and its help says to copy
/// the replaced files out of the staging folder's `old` first. Once the journal is moved away
/// as told, the next run keeps that staging folder and says what it holds: it once swept it
/// as litter, deleting the only copy of the old set before anyone could copy it.
#[cfg(debug_assertions)]
#[test]
fn replaced_files_are_kept_when_their_journal_is_moved_away() {
    let dir = tempfile::tempdir().unwrap();
    let (out, old, _) = old_and_new_sets(dir.path());
    // Killed with the old press release and Schedule TO moved aside and the new ones in.
    assert!(!faulty_render(&out, "abort-after-step:5", &NEW_SET).get_output().status.success());
    let journal = out.join(".secdraft-journal");
    fs::write(&journal, "").unwrap();
    render_into(&out, &NEW_SET)
        .code(2)
        .stderr(predicate::str::contains("it is empty"))
        .stderr(predicate::str::contains("copy them out of `old` first, then remove that staging folder"));
    fs::rename(&journal, dir.path().join("journal-moved-away")).unwrap();
    let staging = names(&snapshot(&out))
        .into_iter()
        .find(|name| name.starts_with(".secdraft-staging-"))
        .unwrap()
        .to_owned();
    let replaced = out.join(&staging).join("old");
    // The drafts replaced; the bases' folder in `old` is empty, no base having been moved yet.
    let mut kept: Vec<(String, String)> = fs::read_dir(&replaced)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_type().unwrap().is_file())
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().to_string_lossy().into_owned(), fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    kept.sort();
    assert_eq!(kept.len(), 2, "{kept:?}");
    for (name, text) in &kept {
        assert_eq!(old.get(name), Some(text), "{name} in old/ is the old set's");
    }
    for run in [render_into(&out, &NEW_SET), read_folder(&out)] {
        run.stderr(predicate::str::contains(format!("warning: kept {}", out.join(&staging).display())))
            .stderr(predicate::str::contains(format!(
                "holds 2 files a write replaced ({}, {})",
                kept[0].0, kept[1].0
            )));
        assert!(replaced.is_dir(), "the staging folder was swept");
        let mut still: Vec<String> = fs::read_dir(&replaced)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_type().unwrap().is_file())
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        still.sort();
        assert_eq!(still, [kept[0].0.clone(), kept[1].0.clone()]);
    }
    // Once the files are copied out and the folder removed, nothing more is said.
    fs::remove_dir_all(out.join(&staging)).unwrap();
    read_folder(&out).stderr(predicate::str::contains("warning").not());
}

/// On a file system without locks two writes can overlap. A write never places its journal
/// over one that is there (another write's, the only record of how to undo it): it stops at
/// once, exit 2, and the other's journal and staging folder stay as they were. And a write
/// removes only its own journal: one put there by another run since is kept.
#[cfg(debug_assertions)]
#[test]
fn a_write_never_replaces_or_removes_another_writes_journal() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _, _) = old_and_new_sets(dir.path());
    let journal = out.join(".secdraft-journal");
    let theirs = r#"{"staging": ".secdraft-staging-o1t2h3", "files": []}"#;
    let place_theirs = || {
        fs::create_dir_all(out.join(".secdraft-staging-o1t2h3/new")).unwrap();
        fs::write(&journal, theirs).unwrap();
    };
    let before = snapshot(&out);
    // Caught after it looked at the folder (its staging folder is there), before its journal.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("secdraft"))
        .env("NO_COLOR", "1")
        .env("SECDRAFT_TEST_FAULT", "slow-steps:300")
        .args(["render", EXAMPLE, "--out"])
        .arg(&out)
        .args(NEW_SET)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !fs::read_dir(&out)
        .unwrap()
        .any(|e| e.unwrap().file_name().to_string_lossy().starts_with(".secdraft-staging-"))
    {
        assert!(started.elapsed() < HANG, "the render never staged its files");
        assert!(child.try_wait().unwrap().is_none(), "the render ended before staging");
        std::thread::sleep(Duration::from_millis(2));
    }
    place_theirs();
    let run = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("another write into {} is in progress", out.display())), "{stderr}");
    let mut after = snapshot(&out);
    assert_eq!(after.remove(".secdraft-journal").as_deref(), Some(theirs));
    assert!(after.remove(".secdraft-staging-o1t2h3").is_some());
    assert_eq!(after, before);

    // Another run's journal put in place of this write's while it moves its files.
    fs::remove_file(&journal).unwrap();
    fs::remove_dir_all(out.join(".secdraft-staging-o1t2h3")).unwrap();
    let child = render_caught_midway(&out, &NEW_SET);
    fs::remove_file(&journal).unwrap();
    place_theirs();
    let run = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no longer this write's"), "{stderr}");
    assert_eq!(fs::read_to_string(&journal).unwrap(), theirs);
}
