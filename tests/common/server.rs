//! A real server on a loopback port, in the test process, and a plain HTTP/1 client for any
//! server, with a reader for its event streams.

use std::net::SocketAddr;
use std::time::Duration;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::client::conn::http1;
use hyper::header::{self, HeaderMap};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use interleave::web::{self, AppState};
use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::timeout;

/// Every wait in these tests is bounded by this.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A server on `127.0.0.1:0`, in this process; requests go through its [`Client`].
pub struct Server {
    pub addr: SocketAddr,
    pub state: AppState,
    client: Client,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl std::ops::Deref for Server {
    type Target = Client;

    fn deref(&self) -> &Client {
        &self.client
    }
}

impl Server {
    /// A server whose snapshots live in memory.
    pub async fn start() -> Server {
        Server::start_with(AppState::default()).await
    }

    /// A server on `state` (a store on a temp dir, say).
    pub async fn start_with(state: AppState) -> Server {
        super::use_the_real_binary();
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("local address");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(web::serve(listener, state.clone(), async {
            let _ = stopped.await;
        }));
        Server {
            addr,
            state,
            client: Client { addr },
            stop,
            task,
        }
    }

    /// Asks for a graceful shutdown and waits for the server to finish it.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        timeout(PATIENCE, self.task)
            .await
            .expect("the server shuts down in time")
            .expect("the server task did not panic")
            .expect("the server ended without error");
    }
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("JSON body ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A plain HTTP/1 client for a server at `addr`: one connection per request.
#[derive(Debug, Clone, Copy)]
pub struct Client {
    pub addr: SocketAddr,
}

impl Client {
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> Response<Incoming> {
        let stream = TcpStream::connect(self.addr).await.expect("connect");
        let (mut sender, connection) = http1::handshake(TokioIo::new(stream))
            .await
            .expect("HTTP handshake");
        tokio::spawn(connection);
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, self.addr.to_string());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let body = match body {
            Some(json) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Bytes::from(json.to_string())
            }
            None => Bytes::new(),
        };
        let request = request.body(Full::new(body)).expect("request");
        timeout(PATIENCE, sender.send_request(request))
            .await
            .expect("a response in time")
            .expect("a response")
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> Reply {
        let response = self.send(method, path, headers, body).await;
        let status = response.status();
        let headers = response.headers().clone();
        let body = timeout(PATIENCE, response.into_body().collect())
            .await
            .expect("the body in time")
            .expect("the body")
            .to_bytes();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.call(Method::GET, path, &[], None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.call(Method::POST, path, &[], Some(body)).await
    }

    pub async fn cancel(&self, id: &str) -> Reply {
        let path = format!("/api/runs/{id}/cancel");
        self.call(Method::POST, &path, &[], None).await
    }

    /// Starts a run and returns its id.
    pub async fn start_run(&self, body: Value) -> String {
        let reply = self.post("/api/runs", body).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
        reply.json()["id"].as_str().expect("an id").to_string()
    }
}

/// Event-stream readers.
impl Client {
    pub async fn events(&self, path: &str, headers: &[(&str, &str)]) -> SseReader {
        let response = self.send(Method::GET, path, headers, None).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/event-stream"
        );
        SseReader {
            body: response.into_body(),
            buffer: String::new(),
        }
    }

    /// Every message of a run's stream, from `path` (which may carry `?since=`), to the end.
    pub async fn all_events(&self, path: &str, headers: &[(&str, &str)]) -> Vec<Message> {
        self.events(path, headers).await.rest().await
    }

    /// Every message of run `id`'s event stream, from the start to its `end`.
    pub async fn whole_stream(&self, id: &str) -> Vec<Message> {
        self.all_events(&format!("/api/runs/{id}/events"), &[])
            .await
    }
}

/// One server-sent event.
#[derive(Debug, Clone)]
pub struct Message {
    pub event: String,
    pub id: Option<u64>,
    pub data: Value,
}

impl Message {
    /// The sequence numbers of a batch's events.
    pub fn seqs(&self) -> Vec<u64> {
        self.data["events"]
            .as_array()
            .map(|events| {
                events
                    .iter()
                    .map(|e| e["seq"].as_u64().expect("seq"))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Reads server-sent events from a response body as they arrive.
pub struct SseReader {
    body: Incoming,
    buffer: String,
}

impl SseReader {
    /// The next message, or `None` once the server has closed the stream.
    pub async fn next(&mut self) -> Option<Message> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                if let Some(message) = parse_block(&block) {
                    return Some(message);
                }
                continue;
            }
            let frame = timeout(PATIENCE, self.body.frame())
                .await
                .expect("the stream moves in time")?;
            let Ok(frame) = frame else { return None };
            if let Ok(data) = frame.into_data() {
                self.buffer
                    .push_str(std::str::from_utf8(&data).expect("UTF-8 stream"));
            }
        }
    }

    /// The next `batch`, skipping heartbeat ticks.
    pub async fn next_batch(&mut self) -> Option<Message> {
        loop {
            let message = self.next().await?;
            if message.event != "tick" {
                return Some(message);
            }
        }
    }

    pub async fn rest(mut self) -> Vec<Message> {
        let mut messages = Vec::new();
        while let Some(message) = self.next().await {
            messages.push(message);
        }
        messages
    }
}

/// Parses one `field: value` block; comment-only blocks (keep-alives) give `None`.
fn parse_block(block: &str) -> Option<Message> {
    let mut event = String::from("message");
    let mut id = None;
    let mut data = String::new();
    let mut has_data = false;
    for line in block.lines() {
        if let Some(value) = line.strip_prefix("event: ") {
            event = value.to_string();
        } else if let Some(value) = line.strip_prefix("id: ") {
            id = Some(value.parse().expect("numeric id"));
        } else if let Some(value) = line.strip_prefix("data: ") {
            data.push_str(value);
            has_data = true;
        }
    }
    has_data.then(|| Message {
        event,
        id,
        data: serde_json::from_str(&data).expect("JSON data"),
    })
}
