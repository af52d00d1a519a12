import CXapian

/// An error raised by Xapian, carrying its class name and a hint for the common fixes.
///
/// A struct over a private enum (``Kind``), so adding kinds later never breaks a caller's `switch`.
public struct XapianError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, coarsely: compare with `==` (`error.kind == .databaseLock`).
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Raw: String, Sendable {
            case databaseLock, databaseModified, databaseCorrupt, databaseOpening, databaseNotFound,
                 documentNotFound, queryParser, invalidArgument, invalidOperation, range, database,
                 network, other
        }
        private let raw: Raw
        private init(_ raw: Raw) { self.raw = raw }

        /// Another writer holds the database lock (Xapian `DatabaseLockError`).
        public static let databaseLock = Kind(.databaseLock)
        /// The revision being read was overwritten by a writer; `reopen()` and retry.
        public static let databaseModified = Kind(.databaseModified)
        /// The database files are damaged (`DatabaseCorruptError`).
        public static let databaseCorrupt = Kind(.databaseCorrupt)
        /// The database could not be opened or created (`DatabaseOpeningError`, `DatabaseVersionError`,
        /// `DatabaseCreateError`).
        public static let databaseOpening = Kind(.databaseOpening)
        /// No database at the path (`DatabaseNotFoundError`, a kind of opening error: see ``XapianError/isKind(_:)``).
        public static let databaseNotFound = Kind(.databaseNotFound)
        /// No document with that id (`DocNotFoundError`).
        public static let documentNotFound = Kind(.documentNotFound)
        /// The query string does not parse (`QueryParserError`).
        public static let queryParser = Kind(.queryParser)
        /// An argument Xapian rejects (`InvalidArgumentError`), e.g. an unknown stemmer language.
        public static let invalidArgument = Kind(.invalidArgument)
        /// A call made in the wrong state (`InvalidOperationError`), e.g. committing a transaction never begun.
        public static let invalidOperation = Kind(.invalidOperation)
        /// An index out of range (`RangeError`).
        public static let range = Kind(.range)
        /// Any other database error, e.g. using a closed database (`DatabaseClosedError`).
        public static let database = Kind(.database)
        /// A remote-backend failure (`NetworkError`, `NetworkTimeoutError`).
        public static let network = Kind(.network)
        /// Anything else, including running out of memory.
        public static let other = Kind(.other)

        /// The kind's name, e.g. "databaseLock".
        public var description: String { raw.rawValue }

        /// The broader kind this one refines, following Xapian's class hierarchy.
        var parent: Kind? {
            switch raw {
            case .databaseNotFound: return .databaseOpening
            case .databaseLock, .databaseModified, .databaseCorrupt, .databaseOpening: return .database
            default: return nil
            }
        }

        init(status: cx_status) {
            switch status {
            case CX_ERR_DATABASE_LOCK: self = .databaseLock
            case CX_ERR_DATABASE_MODIFIED: self = .databaseModified
            case CX_ERR_DATABASE_CORRUPT: self = .databaseCorrupt
            case CX_ERR_DATABASE_OPENING: self = .databaseOpening
            case CX_ERR_DATABASE_NOT_FOUND: self = .databaseNotFound
            case CX_ERR_DOC_NOT_FOUND: self = .documentNotFound
            case CX_ERR_QUERY_PARSER: self = .queryParser
            case CX_ERR_INVALID_ARGUMENT: self = .invalidArgument
            case CX_ERR_INVALID_OPERATION: self = .invalidOperation
            case CX_ERR_RANGE: self = .range
            case CX_ERR_DATABASE: self = .database
            case CX_ERR_NETWORK: self = .network
            default: self = .other
            }
        }
    }

    /// The coarse kind, for matching in `catch` clauses.
    public let kind: Kind
    /// Xapian's class name, e.g. "DatabaseLockError".
    public let xapianClass: String
    /// Xapian's message.
    public let message: String
    /// What a person should try next, when there is a usual answer.
    public var hint: String?

    /// Creates an error by hand (tests, or callers wrapping their own failures).
    public init(kind: Kind, xapianClass: String, message: String, hint: String? = nil) {
        self.kind = kind
        self.xapianClass = xapianClass
        self.message = message
        self.hint = hint ?? Self.defaultHint(for: kind)
    }

    init(status: cx_status, error: cx_error) {
        self.init(kind: Kind(status: status),
                  xapianClass: error.error_class.map { String(cString: $0) } ?? "UnknownError",
                  message: error.message.map { String(cString: $0) } ?? "")
    }

    /// Whether this error is of `kind` or a refinement of it, as in Xapian's class hierarchy:
    /// a missing database (`.databaseNotFound`) is also `.databaseOpening` and `.database`.
    public func isKind(_ kind: Kind) -> Bool {
        var current: Kind? = self.kind
        while let k = current {
            if k == kind { return true }
            current = k.parent
        }
        return false
    }

    /// "DatabaseLockError: <message> (hint: …)".
    public var description: String {
        var text = "\(xapianClass): \(message)"
        if let hint { text += " (hint: \(hint))" }
        return text
    }

    private static func defaultHint(for kind: Kind) -> String? {
        switch kind {
        case .databaseLock: return "is another process writing to this database?"
        case .databaseOpening, .databaseNotFound: return "does the folder exist and hold a Xapian database?"
        case .databaseModified: return "reopen() the database and retry"
        case .databaseCorrupt: return "restore the index from a copy or rebuild it"
        default: return nil
        }
    }
}
