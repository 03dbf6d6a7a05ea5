//! The preview's HTTP/1.1, on a loopback socket: a thread for each connection, which reads its
//! requests one after another (keep-alive, as browsers use it), each head parsed by httparse.
//! Only what a browser asks a preview for is served: GET and HEAD without a body, answered whole
//! with their length; the event stream holds its connection until it ends, and closes it.
//!
//! Why not tiny_http, which served the preview first: its pool of connection threads counts a
//! thread it has woken as still waiting, so of a burst of connections (a browser opening several
//! pages at once) one can be queued for a thread that never comes while the others hold theirs
//! open, idle, for minutes; the page on it never loads. Why not hyper: it needs an async runtime
//! (tokio) for a server with one user on this machine. The part of HTTP that is easy to get
//! wrong, reading a request's head, is httparse's, the parser hyper itself uses.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The most a request's head may hold (its request line and headers); a browser's is well under
/// 2 KiB.
const MAX_HEAD: usize = 16 * 1024;

/// The most headers a request may have.
const MAX_HEADERS: usize = 64;

/// How long a connection may stay open and idle between requests. Browsers keep their idle
/// connections longer, and open another when they find one closed.
const IDLE: Duration = Duration::from_secs(60);

/// How long a request's head may take to arrive, once it has begun.
const HEAD_TIME: Duration = Duration::from_secs(if cfg!(test) { 1 } else { 10 });

/// How long one write may wait for the other end to read: a page that is not read does not hold
/// its thread for ever.
const WRITE_TIME: Duration = Duration::from_secs(30);

/// How long, and how much, what a client still sends after a refusal is read and dropped.
const LINGER: Duration = Duration::from_secs(2);
const MAX_LINGER_BYTES: usize = 1024 * 1024;

/// A request's head, as the preview needs it.
#[derive(Debug)]
pub struct Request {
    /// `GET`, `HEAD`, or any other method (refused).
    pub method: String,
    /// The request target as sent: `/doc/offer-to-exchange.htm?x`.
    pub target: String,
    /// The value of each `Host` header, in order.
    pub hosts: Vec<String>,
    /// The client asked for the connection to close after the answer (`Connection: close`, or
    /// HTTP/1.0 without `keep-alive`).
    pub close: bool,
    /// Asked in HTTP/1.0, which keeps a connection open only when both ends say `keep-alive`.
    pub http_1_0: bool,
}

impl Request {
    /// The path of the target, without its query or fragment.
    pub fn path(&self) -> &str {
        self.target.split(['?', '#']).next().unwrap_or("/")
    }

    pub fn is_head(&self) -> bool {
        self.method == "HEAD"
    }

    /// What the answer's `Connection` header says, if anything: `close` when the connection
    /// closes after it, `keep-alive` to an HTTP/1.0 client that asked for it (which closes
    /// otherwise).
    pub fn connection(&self) -> Option<&'static str> {
        if self.close { Some("close") } else { self.http_1_0.then_some("keep-alive") }
    }
}

/// What reading the next request of a connection gave.
#[derive(Debug)]
pub enum Next {
    Request(Request),
    /// The client closed the connection, or left it idle past [`IDLE`].
    Closed,
    /// A request that cannot be served: answer with this status and reason, then close (where
    /// the next request would start is not known).
    Refused(u16, &'static str),
}

/// One client connection.
pub struct Connection {
    stream: TcpStream,
    /// What has been read and not yet parsed: the start of the next request.
    buffer: Vec<u8>,
}

impl Connection {
    pub fn new(stream: TcpStream) -> io::Result<Connection> {
        // Event messages and small pages go out at once, not after Nagle's delay.
        stream.set_nodelay(true)?;
        stream.set_write_timeout(Some(WRITE_TIME))?;
        Ok(Connection { stream, buffer: Vec::new() })
    }

    /// Reads the next request's head.
    pub fn next_request(&mut self) -> Next {
        let mut begun = None;
        loop {
            // Empty lines before a request line are ignored (RFC 9112, section 2.2): a client
            // that ends a request with one more CRLF has begun no head with it.
            let blank = self.buffer.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
            self.buffer.drain(..blank);
            if !self.buffer.is_empty() {
                begun.get_or_insert_with(Instant::now);
                match parse(&self.buffer) {
                    Parsed::Whole(request, length) => {
                        self.buffer.drain(..length);
                        return request;
                    }
                    Parsed::Partial if self.buffer.len() >= MAX_HEAD => {
                        return Next::Refused(431, "the request's head is too large\n");
                    }
                    Parsed::Partial => {}
                }
            }
            let wait = match begun {
                None => IDLE,
                Some(begun) => match HEAD_TIME.checked_sub(begun.elapsed()) {
                    Some(left) if !left.is_zero() => left,
                    _ => return Next::Refused(408, "the request's head took too long\n"),
                },
            };
            if self.stream.set_read_timeout(Some(wait)).is_err() {
                return Next::Closed;
            }
            let mut chunk = [0; 4096];
            match self.stream.read(&mut chunk) {
                Ok(0) => return Next::Closed,
                Ok(n) => self.buffer.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                    return match begun {
                        None => Next::Closed,
                        Some(_) => Next::Refused(408, "the request's head took too long\n"),
                    };
                }
                Err(_) => return Next::Closed,
            }
        }
    }

    /// Answers with `body` whole, of its length (its head alone to a HEAD request), with the
    /// `Connection` header `connection` (`close`: the connection closes after it).
    pub fn answer(
        &mut self,
        status: u16,
        content_type: &str,
        body: &[u8],
        head_only: bool,
        connection: Option<&str>,
    ) -> io::Result<()> {
        let mut answer = format!(
            "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}; charset=utf-8\r\nContent-Length: {}\r\n\
             Cache-Control: no-store\r\n",
            reason(status),
            body.len()
        )
        .into_bytes();
        if let Some(connection) = connection {
            answer.extend_from_slice(format!("Connection: {connection}\r\n").as_bytes());
        }
        // A method refused says which are served (RFC 9110, section 15.5.6).
        if status == 405 {
            answer.extend_from_slice(b"Allow: GET, HEAD\r\n");
        }
        answer.extend_from_slice(b"\r\n");
        if !head_only {
            answer.extend_from_slice(body);
        }
        self.stream.write_all(&answer)?;
        self.stream.flush()
    }

    /// Closes after a refusal: what the client still sends (the rest of a head too large, a
    /// body) is read and dropped for a moment first, since closing a socket with data unread
    /// resets it, and the client may lose the answer it has not yet read.
    pub fn linger(mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Write);
        let until = Instant::now() + LINGER;
        let mut chunk = [0; 4096];
        let mut dropped = 0;
        while dropped < MAX_LINGER_BYTES {
            let Some(left) = until.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()) else {
                break;
            };
            if self.stream.set_read_timeout(Some(left)).is_err() {
                break;
            }
            match self.stream.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => dropped += n,
            }
        }
    }

    /// Starts an answer with no length, which ends when the connection closes (an event stream):
    /// its head, `status` and `content_type`, then whatever is written with [`Connection::send`].
    pub fn begin_stream(&mut self, content_type: &str) -> io::Result<()> {
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        );
        self.stream.write_all(head.as_bytes())?;
        self.stream.flush()
    }

    /// Whether the client has closed the connection (or reset it): what it sends on an event
    /// stream is nothing but its close, which is seen here at once, where a write finds it only
    /// at the second write after it.
    pub fn closed_by_client(&mut self) -> bool {
        if self.stream.set_nonblocking(true).is_err() {
            return true;
        }
        let mut byte = [0];
        let closed = match self.stream.peek(&mut byte) {
            Ok(0) => true,
            Ok(_) => false,
            Err(e) => !matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted),
        };
        closed || self.stream.set_nonblocking(false).is_err()
    }

    /// Writes part of a stream begun with [`Connection::begin_stream`], at once.
    pub fn send(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.stream.write_all(bytes)?;
        self.stream.flush()
    }
}

enum Parsed {
    /// A whole head, and how many bytes it took.
    Whole(Next, usize),
    Partial,
}

fn parse(buffer: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut parsed = httparse::Request::new(&mut headers);
    let length = match parsed.parse(buffer) {
        Ok(httparse::Status::Complete(length)) => length,
        Ok(httparse::Status::Partial) => return Parsed::Partial,
        Err(httparse::Error::TooManyHeaders) => {
            return Parsed::Whole(Next::Refused(431, "the request has too many headers\n"), buffer.len());
        }
        Err(_) => return Parsed::Whole(Next::Refused(400, "not an HTTP/1.1 request\n"), buffer.len()),
    };
    let header = |name: &'static str| {
        parsed
            .headers
            .iter()
            .filter(move |h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_owned())
    };
    // A body would have to be read past to find the next request: a page asks with none.
    let has_body = header("Transfer-Encoding").next().is_some()
        || header("Content-Length").any(|length| length.parse::<u64>() != Ok(0));
    if has_body {
        return Parsed::Whole(Next::Refused(400, "a request with a body: ask with GET or HEAD\n"), length);
    }
    let connection: Vec<String> = header("Connection").map(|v| v.to_ascii_lowercase()).collect();
    let close = if parsed.version == Some(0) {
        !connection.iter().any(|v| v.contains("keep-alive"))
    } else {
        connection.iter().any(|v| v.contains("close"))
    };
    let mut target = parsed.path.unwrap_or("/").to_owned();
    let mut hosts: Vec<String> = header("Host").collect();
    // An HTTP/1.1 request names its host once (RFC 9112, section 3.2): with none, or more than
    // one, which is meant is not known.
    if hosts.len() > 1 || (hosts.is_empty() && parsed.version == Some(1)) {
        return Parsed::Whole(Next::Refused(400, "name the host once, in one Host header\n"), length);
    }
    // A target in absolute form (`http://127.0.0.1:4000/doc/x.htm`) names the host in place of
    // the Host header (RFC 9112, section 3.2.2): its host is the one checked.
    if let Some(rest) =
        target.get(..7).filter(|scheme| scheme.eq_ignore_ascii_case("http://")).map(|_| &target[7..])
    {
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        hosts = vec![rest[..end].to_owned()];
        target = match &rest[end..] {
            path if path.starts_with('/') => path.to_owned(),
            path => format!("/{path}"),
        };
    }
    let request = Request {
        method: parsed.method.unwrap_or_default().to_owned(),
        target,
        hosts,
        close,
        http_1_0: parsed.version == Some(0),
    };
    Parsed::Whole(Next::Request(request), length)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Next {
        match parse(text.as_bytes()) {
            Parsed::Whole(next, length) => {
                assert!(length <= text.len());
                next
            }
            Parsed::Partial => panic!("partial: {text:?}"),
        }
    }

    #[test]
    fn a_browser_s_request_is_read_with_each_host_and_whether_it_closes() {
        let Next::Request(request) =
            parsed("GET /doc/x.htm?y=1 HTTP/1.1\r\nhost: 127.0.0.1:4000\r\nAccept: */*\r\n\r\n")
        else {
            panic!("refused")
        };
        assert_eq!((request.method.as_str(), request.path()), ("GET", "/doc/x.htm"));
        assert_eq!(request.hosts, ["127.0.0.1:4000"]);
        assert_eq!(request.connection(), None);
        let Next::Request(absolute) =
            parsed("GET HTTP://evil.example:4000?x HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n\r\n")
        else {
            panic!("refused")
        };
        assert_eq!(
            (absolute.target.as_str(), absolute.hosts.as_slice()),
            ("/?x", &["evil.example:4000".to_owned()][..])
        );
        assert!(!request.close);
        let Next::Request(old) = parsed("GET / HTTP/1.0\r\n\r\n") else { panic!("refused") };
        assert!(old.close, "HTTP/1.0 closes unless it asks to keep alive");
        let Next::Request(kept) = parsed("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") else {
            panic!("refused")
        };
        assert_eq!(kept.connection(), Some("keep-alive"));
        let Next::Request(closing) = parsed("HEAD / HTTP/1.1\r\nHost: a\r\nConnection: Close\r\n\r\n") else {
            panic!("refused")
        };
        assert!(closing.close && closing.is_head());
    }

    /// A client that ends a request with one more CRLF has begun no other: its connection is
    /// idle, not a head that takes too long.
    #[test]
    fn an_empty_line_after_a_request_begins_no_head() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        client.write_all(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n\r\n").unwrap();
        let mut connection = Connection::new(listener.accept().unwrap().0).unwrap();
        assert!(matches!(connection.next_request(), Next::Request(_)));
        // Closed by the client after the time a head may take: till then, an idle connection.
        let closing = std::thread::spawn(move || {
            std::thread::sleep(HEAD_TIME + Duration::from_millis(300));
            drop(client);
        });
        let next = connection.next_request();
        closing.join().unwrap();
        assert!(matches!(next, Next::Closed), "{next:?}");
    }

    #[test]
    fn what_cannot_be_served_is_refused_and_a_head_in_part_waits_for_the_rest() {
        assert!(matches!(parse(b"GET / HTTP/1.1\r\nHost: a"), Parsed::Partial));
        assert!(matches!(parsed("NOT HTTP\r\n\r\n"), Next::Refused(400, _)));
        assert!(matches!(parsed("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"), Next::Refused(400, _)));
        assert!(matches!(
            parsed("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"),
            Next::Refused(400, _)
        ));
        let many = format!("GET / HTTP/1.1\r\n{}\r\n", "X: y\r\n".repeat(MAX_HEADERS + 1));
        assert!(matches!(parsed(&many), Next::Refused(431, _)));
        assert!(
            matches!(parsed("GET / HTTP/1.1\r\n\r\n"), Next::Refused(400, _)),
            "an HTTP/1.1 request names its host"
        );
        assert!(matches!(parsed("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), Next::Refused(400, _)));
        let Next::Request(empty_body) = parsed("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
        else {
            panic!("refused")
        };
        assert_eq!(empty_body.path(), "/");
    }
}
