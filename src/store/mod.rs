//! Snapshots: finished runs saved for good, in one SQLite database, so a link can show them.
//!
//! The database is `interleave.db` in the data directory ([`default_data_dir`]), in WAL mode,
//! its schema versioned with `PRAGMA user_version` and brought up to date by [`MIGRATIONS`] when
//! it opens. A snapshot is one row: a random id, when it was taken, the title and description
//! its page shows, the view it opens at, and the whole trace as one compact blob ([`codec`]).
//! Rows are written in one transaction each and never changed afterwards.
//!
//! Every method blocks on SQLite (and [`Store::save`] and [`Store::load`] on the codec): the
//! server calls them from `tokio::task::spawn_blocking`.

pub mod card;
pub mod codec;
pub mod view;

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;
use rusqlite::{params, Connection, ErrorCode, OptionalExtension};

use self::codec::CodecError;
use self::view::View;
use crate::trace::document::TraceDocument;

/// The database file inside the data directory.
pub const DATABASE_FILE: &str = "interleave.db";

/// The schema, one step per entry; a database at `user_version` N has had the first N applied.
/// Append only: an existing step is never edited, since databases out there already ran it.
const MIGRATIONS: &[&str] = &["
    CREATE TABLE snapshots (
        id TEXT NOT NULL PRIMARY KEY,
        created_at INTEGER NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        events INTEGER NOT NULL,
        view TEXT NOT NULL,
        trace BLOB NOT NULL
    );
    CREATE TRIGGER snapshots_are_immutable BEFORE UPDATE ON snapshots
    BEGIN
        SELECT RAISE(ABORT, 'snapshots are immutable');
    END;
"];

/// How long a statement waits for another connection's write lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Characters of a snapshot id: 22 of them carry the 128 random bits.
const ID_ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ID_LENGTH: usize = 22;

/// What went wrong with the database, sorted by what the caller does about it.
#[derive(Debug)]
pub enum StoreError {
    /// The data directory or the database in it cannot be created, opened or migrated.
    Open { path: PathBuf, reason: String },
    /// The disk is full, or the database reached its size limit: nothing was written.
    Full,
    /// One snapshot would take more than a snapshot may: nothing was written.
    TooBig { bytes: usize, limit: usize },
    /// A stored trace does not decode.
    Corrupt { id: String, error: CodecError },
    /// Any other SQLite failure.
    Database(rusqlite::Error),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Open { path, reason } => write!(
                f,
                "cannot open the snapshot database {}: {reason}",
                path.display()
            ),
            StoreError::Full => f.write_str(
                "the snapshot database is full (the disk has no space left, or the database \
                 reached its size limit); nothing was saved",
            ),
            StoreError::TooBig { bytes, limit } => write!(
                f,
                "this snapshot would take {} MiB; one snapshot may take at most {} MiB; nothing \
                 was saved",
                bytes.div_ceil(1 << 20),
                limit >> 20
            ),
            StoreError::Corrupt { id, error } => write!(f, "snapshot '{id}': {error}"),
            StoreError::Database(error) => write!(f, "snapshot database error: {error}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::Full,
            _ => StoreError::Database(error),
        }
    }
}

/// A saved snapshot without its trace: what its page needs before the trace is loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotCard {
    pub id: String,
    /// Unix seconds.
    pub created_at: i64,
    pub title: String,
    pub description: String,
    /// Events the run recorded.
    pub events: u64,
    pub view: View,
}

/// A saved snapshot with its trace.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub card: SnapshotCard,
    pub document: TraceDocument,
}

/// How much the snapshot database may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreLimits {
    /// The whole database, in bytes.
    pub max_bytes: u64,
    /// One snapshot's stored trace, in bytes.
    pub max_snapshot_bytes: usize,
}

impl Default for StoreLimits {
    fn default() -> Self {
        StoreLimits {
            max_bytes: 1 << 30,
            max_snapshot_bytes: 32 << 20,
        }
    }
}

/// The snapshot database. One connection, taken in turn: SQLite writes one at a time anyway,
/// and a read holds it only to copy a row out.
pub struct Store {
    db: Mutex<Connection>,
    location: String,
    max_snapshot_bytes: AtomicUsize,
}

impl Store {
    /// Opens (creating if needed) `interleave.db` in `data_dir`, creating the directory too.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        let path = data_dir.join(DATABASE_FILE);
        let cannot_open = |reason: String| StoreError::Open {
            path: path.clone(),
            reason,
        };
        if data_dir.is_file() {
            return Err(cannot_open(format!(
                "{} is a file, not a directory",
                data_dir.display()
            )));
        }
        std::fs::create_dir_all(data_dir).map_err(|e| {
            cannot_open(format!(
                "cannot create the directory {}: {e}",
                data_dir.display()
            ))
        })?;
        let opened = Connection::open(&path)
            .map_err(StoreError::from)
            .and_then(|connection| Store::prepare(connection, path.display().to_string()))
            .and_then(|store| store.use_wal().map(|()| store));
        opened.map_err(|error| match error {
            StoreError::Open { .. } => error,
            other => cannot_open(other.to_string()),
        })
    }

    /// A store that lives in memory and is gone with the process (for tests and tools).
    pub fn in_memory() -> Result<Store, StoreError> {
        let connection = Connection::open_in_memory()?;
        Store::prepare(connection, "memory".to_string())
    }

    fn prepare(mut connection: Connection, location: String) -> Result<Store, StoreError> {
        connection.busy_timeout(BUSY_TIMEOUT)?;
        migrate(&mut connection)?;
        Ok(Store {
            db: Mutex::new(connection),
            location,
            max_snapshot_bytes: AtomicUsize::new(StoreLimits::default().max_snapshot_bytes),
        })
    }

    /// WAL lets readers go on while a snapshot is written; with it, `synchronous = NORMAL` is
    /// still safe from corruption and spares an fsync per snapshot.
    fn use_wal(&self) -> Result<(), StoreError> {
        let db = self.db.lock();
        let mode: String =
            db.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Open {
                path: PathBuf::from(&self.location),
                reason: format!("the database cannot use WAL mode (it stays in {mode} mode)"),
            });
        }
        db.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    /// Where the database is: its file path, or `memory`.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// Caps the database at about `limits.max_bytes` (never below its current size): once
    /// there, saving fails with [`StoreError::Full`] as it does when the disk is full. A snapshot
    /// larger than `limits.max_snapshot_bytes` fails with [`StoreError::TooBig`].
    pub fn limit(&self, limits: StoreLimits) -> Result<(), StoreError> {
        let db = self.db.lock();
        let page_size: i64 = db.pragma_query_value(None, "page_size", |row| row.get(0))?;
        let pages = (limits.max_bytes / page_size.max(1).unsigned_abs()).max(1);
        let pages = i64::try_from(pages).unwrap_or(i64::MAX);
        db.pragma_update(None, "max_page_count", pages)?;
        self.max_snapshot_bytes
            .store(limits.max_snapshot_bytes, Ordering::Relaxed);
        Ok(())
    }

    /// Saves `doc` seen through `view` as a new snapshot, all of it or nothing.
    pub fn save(&self, doc: &TraceDocument, view: &View) -> Result<SnapshotCard, StoreError> {
        let blob = codec::encode(doc);
        let limit = self.max_snapshot_bytes.load(Ordering::Relaxed);
        if blob.len() > limit {
            return Err(StoreError::TooBig {
                bytes: blob.len(),
                limit,
            });
        }
        let card = SnapshotCard {
            id: new_id(),
            created_at: unix_now(),
            title: card::title(doc),
            description: card::description(doc),
            events: doc.summary.events,
            view: view.clone(),
        };
        let mut db = self.db.lock();
        let transaction = db.transaction()?;
        transaction.execute(
            "INSERT INTO snapshots (id, created_at, title, description, events, view, trace)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                card.id,
                card.created_at,
                card.title,
                card.description,
                i64::try_from(card.events).unwrap_or(i64::MAX),
                card.view.to_value().to_string(),
                blob,
            ],
        )?;
        transaction.commit()?;
        Ok(card)
    }

    /// The snapshot `id` without its trace, if there is one.
    pub fn card(&self, id: &str) -> Result<Option<SnapshotCard>, StoreError> {
        let db = self.db.lock();
        let card = db
            .query_row(
                "SELECT id, created_at, title, description, events, view
                 FROM snapshots WHERE id = ?1",
                [id],
                read_card,
            )
            .optional()?;
        Ok(card)
    }

    /// The snapshot `id` with its trace, if there is one.
    pub fn load(&self, id: &str) -> Result<Option<Snapshot>, StoreError> {
        let row = self
            .db
            .lock()
            .query_row(
                "SELECT id, created_at, title, description, events, view, trace
                 FROM snapshots WHERE id = ?1",
                [id],
                |row| Ok((read_card(row)?, row.get::<_, Vec<u8>>(6)?)),
            )
            .optional()?;
        let Some((card, blob)) = row else {
            return Ok(None);
        };
        let document = codec::decode(&blob).map_err(|error| StoreError::Corrupt {
            id: id.to_string(),
            error,
        })?;
        Ok(Some(Snapshot { card, document }))
    }
}

fn read_card(row: &rusqlite::Row) -> rusqlite::Result<SnapshotCard> {
    let view: String = row.get(5)?;
    Ok(SnapshotCard {
        id: row.get(0)?,
        created_at: row.get(1)?,
        title: row.get(2)?,
        description: row.get(3)?,
        events: u64::try_from(row.get::<_, i64>(4)?).unwrap_or(0),
        view: View::from_stored(&serde_json::from_str(&view).unwrap_or_default()),
    })
}

/// Applies the migrations the database has not had yet, each in its own transaction.
fn migrate(connection: &mut Connection) -> Result<(), StoreError> {
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let version = usize::try_from(version).unwrap_or(usize::MAX);
    if version > MIGRATIONS.len() {
        return Err(StoreError::Open {
            path: connection.path().map(PathBuf::from).unwrap_or_default(),
            reason: format!(
                "the database has schema version {version}, written by a newer Interleave; this \
                 one knows versions up to {}",
                MIGRATIONS.len()
            ),
        });
    }
    for (step, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let transaction = connection.transaction()?;
        transaction.execute_batch(sql)?;
        transaction.pragma_update(None, "user_version", step as i64 + 1)?;
        transaction.commit()?;
    }
    Ok(())
}

/// 128 random bits from the thread's cryptographically secure generator, in base 62.
pub fn new_id() -> String {
    let mut bits: u128 = rand::random();
    let mut id = [b'0'; ID_LENGTH];
    for digit in id.iter_mut().rev() {
        *digit = ID_ALPHABET[(bits % 62) as usize];
        bits /= 62;
    }
    id.iter().map(|&b| char::from(b)).collect()
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| {
            i64::try_from(since.as_secs()).unwrap_or(i64::MAX)
        })
}

/// Where snapshots go when `--data-dir` is not given: `$INTERLEAVE_DATA`, else
/// `$XDG_DATA_HOME/interleave`, else `$HOME/.local/share/interleave`, else `./interleave-data`.
/// `var` reads an environment variable; empty ones count as unset, and so does a relative
/// `XDG_DATA_HOME`, as the XDG specification asks.
pub fn default_data_dir(var: impl Fn(&str) -> Option<OsString>) -> PathBuf {
    let set = |name: &str| {
        var(name)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = set("INTERLEAVE_DATA") {
        return dir;
    }
    if let Some(xdg) = set("XDG_DATA_HOME").filter(|dir| dir.is_absolute()) {
        return xdg.join("interleave");
    }
    if let Some(home) = set("HOME") {
        return home.join(".local/share/interleave");
    }
    PathBuf::from("interleave-data")
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::trace::document::RunMeta;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let map: HashMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn empty_doc() -> TraceDocument {
        let meta = RunMeta {
            id: "r1".into(),
            scenario: None,
            source: "print(1)\n".into(),
        };
        TraceDocument::build(meta, &[], None)
    }

    #[test]
    fn the_data_dir_follows_the_environment() {
        let all = [
            ("INTERLEAVE_DATA", "/srv/il"),
            ("XDG_DATA_HOME", "/x"),
            ("HOME", "/home/a"),
        ];
        assert_eq!(default_data_dir(env(&all)), PathBuf::from("/srv/il"));
        assert_eq!(
            default_data_dir(env(&all[1..])),
            PathBuf::from("/x/interleave")
        );
        let relative_xdg = [("XDG_DATA_HOME", "x"), ("HOME", "/home/a")];
        assert_eq!(
            default_data_dir(env(&relative_xdg)),
            PathBuf::from("/home/a/.local/share/interleave")
        );
        assert_eq!(
            default_data_dir(env(&[("HOME", "")])),
            PathBuf::from("interleave-data")
        );
    }

    #[test]
    fn ids_are_22_base62_characters_and_differ() {
        let ids: Vec<String> = (0..1000).map(|_| new_id()).collect();
        for id in &ids {
            assert_eq!(id.len(), ID_LENGTH);
            assert!(id.bytes().all(|b| ID_ALPHABET.contains(&b)), "{id}");
        }
        let distinct: std::collections::HashSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len());
    }

    #[test]
    fn saved_snapshots_load_back_and_cannot_change() {
        let store = Store::in_memory().expect("an in-memory store");
        let doc = empty_doc();
        let view = View {
            t0_ns: Some(3),
            ..View::default()
        };
        let card = store.save(&doc, &view).expect("saved");
        let loaded = store.load(&card.id).expect("loads").expect("exists");
        assert_eq!(loaded.document, doc);
        assert_eq!(loaded.card, card);
        assert_eq!(store.card(&card.id).expect("reads"), Some(card.clone()));
        assert_eq!(store.load("nope").expect("reads"), None);
        let update = store
            .db
            .lock()
            .execute("UPDATE snapshots SET title = 'x' WHERE id = ?1", [&card.id]);
        assert!(update.is_err(), "an update must be refused");
    }

    #[test]
    fn newer_schemas_are_refused() {
        let mut connection = Connection::open_in_memory().expect("a database");
        connection
            .pragma_update(None, "user_version", MIGRATIONS.len() as i64 + 1)
            .expect("set the version");
        let error = migrate(&mut connection).expect_err("refused");
        assert!(error.to_string().contains("newer Interleave"), "{error}");
    }
}
