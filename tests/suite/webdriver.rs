//! What the `serve` tests need to talk to servers on this machine: HTTP/1.1 over a plain TCP
//! stream (one request a connection), a running `secdraft serve` and a running chromedriver
//! that end with the test, and a WebDriver session to drive headless Chromium. A few WebDriver
//! commands are all the tests use; an async client crate would bring a runtime for them.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// One request to `address`, read to its end: the status and the body.
pub fn http(
    method: &str,
    address: SocketAddr,
    path: &str,
    body: Option<&Value>,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(address)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    // Read by its length: chromedriver keeps the connection open whatever it is asked.
    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status = status_line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        let (name, value) = line.split_once(':').unwrap_or((&line, ""));
        assert!(!value.to_ascii_lowercase().contains("chunked"), "a chunked answer: {status_line}");
        if name.eq_ignore_ascii_case("content-length") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = Vec::new();
    match length {
        Some(length) => {
            body.resize(length, 0);
            reader.read_exact(&mut body)?;
        }
        None => {
            reader.read_to_end(&mut body)?;
        }
    }
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

/// `GET path` of a server that must answer.
pub fn get(address: SocketAddr, path: &str) -> (u16, String) {
    http("GET", address, path, None).unwrap_or_else(|e| panic!("GET {path}: {e}"))
}

/// A port on 127.0.0.1 free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Polls `done` every 10 ms until it gives a value, or panics after `limit` with `what`.
pub fn wait_for<T>(limit: Duration, what: &str, mut done: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = done() {
            return value;
        }
        assert!(start.elapsed() < limit, "waited {limit:?} for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A process killed and waited for when the test ends, however it ends.
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `secdraft serve` on a free port, and the address it printed.
pub struct Served {
    pub process: Running,
    pub address: SocketAddr,
    /// What it printed on standard output: `Serving TERMS at URL`.
    pub line: String,
    pub stderr: ChildStderr,
}

impl Served {
    pub fn start(binary: &Path, terms: &Path, more: &[&str]) -> Served {
        let mut child = Command::new(binary)
            .arg("serve")
            .arg(terms)
            .args(["--port", "0"])
            .args(more)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("secdraft serve starts");
        let stdout = child.stdout.take().unwrap();
        let mut stderr = child.stderr.take().unwrap();
        let process = Running(child);
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        if line.is_empty() {
            let mut error = String::new();
            let _ = stderr.read_to_string(&mut error);
            panic!("secdraft serve did not start: {error}");
        }
        let line = line.trim_end().to_owned();
        let address = line
            .rsplit_once(" at http://")
            .and_then(|(_, url)| url.strip_suffix('/'))
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Served { process, address, line, stderr }
    }

    pub fn get(&self, path: &str) -> (u16, String) {
        get(self.address, path)
    }

    /// Waits until the page at `path` holds `text`.
    pub fn wait_for_text(&self, path: &str, text: &str) -> String {
        wait_for(Duration::from_secs(20), &format!("{text:?} in {path}"), || {
            let (_, page) = self.get(path);
            page.contains(text).then_some(page)
        })
    }
}

/// chromedriver, from the PATH.
pub fn chromedriver() -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join("chromedriver"))
        .find(|path| path.is_file())
}

/// A WebDriver session of headless Chromium, driven through chromedriver on a free port; both
/// end with it.
pub struct Browser {
    driver: SocketAddr,
    session: String,
    _chromedriver: Running,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub fn start(chromedriver: &Path) -> Browser {
        let port = free_port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let chromedriver = Running(child);
        let driver: SocketAddr = ([127, 0, 0, 1], port).into();
        wait_for(Duration::from_secs(20), "chromedriver to be ready", || {
            let (_, body) = http("GET", driver, "/status", None).ok()?;
            let status: Value = serde_json::from_str(&body).ok()?;
            status["value"]["ready"].as_bool().filter(|ready| *ready)
        });
        let profile = tempfile::tempdir().unwrap();
        let mut options = json!({
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        });
        if Path::new("/usr/bin/chromium").is_file() {
            options["binary"] = json!("/usr/bin/chromium");
        }
        let capabilities = json!({
            "capabilities": { "alwaysMatch": { "browserName": "chrome", "goog:chromeOptions": options } }
        });
        let (status, body) = http("POST", driver, "/session", Some(&capabilities)).unwrap();
        let answer: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
        let session = answer["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no WebDriver session ({status}): {body}"))
            .to_owned();
        Browser { driver, session, _chromedriver: chromedriver, _profile: profile }
    }

    fn command(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        let (status, answer) = http(method, self.driver, &path, body).unwrap();
        let answer: Value = serde_json::from_str(&answer).unwrap_or(Value::Null);
        assert_eq!(status, 200, "{method} {path}: {answer}");
        answer["value"].clone()
    }

    pub fn goto(&self, url: &str) {
        self.command("POST", "/url", Some(&json!({ "url": url })));
    }

    /// Runs `script` in the page, with `args`, and gives what it returns.
    pub fn execute(&self, script: &str, args: Value) -> Value {
        self.command("POST", "/execute/sync", Some(&json!({ "script": script, "args": args })))
    }

    /// The text the page shows.
    pub fn text(&self) -> String {
        self.execute("return document.body.innerText;", json!([])).as_str().unwrap_or_default().to_owned()
    }

    /// Waits until the page shows `text`.
    pub fn wait_for_text(&self, text: &str) -> String {
        wait_for(Duration::from_secs(20), &format!("{text:?} in the browser"), || {
            let shown = self.text();
            shown.contains(text).then_some(shown)
        })
    }

    /// Opens a new tab and makes it the one the commands drive.
    pub fn new_tab(&self) {
        let tab = self.command("POST", "/window/new", Some(&json!({ "type": "tab" })));
        let handle = tab["handle"].as_str().expect("the new tab's handle").to_owned();
        self.command("POST", "/window", Some(&json!({ "handle": handle })));
    }

    /// The handles of the open tabs, and the one the commands drive.
    pub fn tabs(&self) -> (Vec<String>, String) {
        let all = self.command("GET", "/window/handles", None);
        let all = all.as_array().unwrap().iter().map(|h| h.as_str().unwrap().to_owned()).collect();
        let current = self.command("GET", "/window", None).as_str().unwrap().to_owned();
        (all, current)
    }

    /// Makes the tab `handle` the one the commands drive.
    pub fn switch_to(&self, handle: &str) {
        self.command("POST", "/window", Some(&json!({ "handle": handle })));
    }

    /// Closes the tab the commands drive; drive another with [`Browser::switch_to`].
    pub fn close_tab(&self) {
        self.command("DELETE", "/window", None);
    }

    /// A PNG of the window.
    pub fn screenshot(&self) -> Vec<u8> {
        let encoded = self.command("GET", "/screenshot", None);
        decode_base64(encoded.as_str().unwrap_or_default())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.session);
        let _ = http("DELETE", self.driver, &path, None);
    }
}

/// Standard base64, as WebDriver sends screenshots.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> =
        text.bytes().filter(|c| c.is_ascii_alphanumeric() || *c == b'+' || *c == b'/').collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, c)| n | u32::from(value(*c)) << (18 - 6 * i));
        out.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}
