import CXapian

/// Turns free text into terms of a ``Document``: words, positions and (optionally) stems and
/// spelling data. Use one per thread.
public final class TermGenerator {
    /// Which terms are generated, as in Xapian's `stem_strategy`.
    public enum StemStrategy: Sendable {
        /// Unstemmed terms only.
        case none
        /// Unstemmed terms with positions, plus `Z`-prefixed stems without positions (Xapian's default).
        case some
        /// Stems only, without `Z`.
        case all
        /// Stems only, with `Z`.
        case allZ
        /// Like `some`, but stems carry positions too (phrases over stems).
        case someFullPos

        var cValue: cx_stem_strategy {
            switch self {
            case .none: return CX_STEM_NONE
            case .some: return CX_STEM_SOME
            case .all: return CX_STEM_ALL
            case .allZ: return CX_STEM_ALL_Z
            case .someFullPos: return CX_STEM_SOME_FULL_POS
            }
        }
    }

    /// Term generator options.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        /// Creates flags from Xapian's `TermGenerator::FLAG_*` bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// Feed words into the database's spelling data (needs ``TermGenerator/setDatabase(_:)``).
        public static let spelling = Flags(rawValue: UInt32(CX_TG_SPELLING))
        /// Index CJK text as n-grams.
        public static let cjkNgram = Flags(rawValue: UInt32(CX_TG_CJK_NGRAM))
    }

    let handle: OpaquePointer
    // Kept so the Swift owners of the shared handles outlive their use here.
    private var document: Document?
    private var database: WritableDatabase?

    /// A generator with no stemmer, strategy `.some` and no flags.
    public init() {
        handle = mustCreate("term generator") { cx_termgenerator_new($0, $1) }
        cx_termgenerator_set_stemming_strategy(handle, stemmingStrategy.cValue)
    }

    deinit {
        cx_termgenerator_free(handle)
    }

    /// The stemmer; nil turns stemming off.
    public var stemmer: Stem? {
        didSet { cx_termgenerator_set_stemmer(handle, stemmer?.handle) }
    }

    /// Which stemmed and unstemmed terms to generate.
    public var stemmingStrategy: StemStrategy = .some {
        didSet { cx_termgenerator_set_stemming_strategy(handle, stemmingStrategy.cValue) }
    }

    /// Generator options, e.g. `.spelling`.
    public var flags: Flags = [] {
        didSet { cx_termgenerator_set_flags(handle, flags.rawValue) }
    }

    /// Sets the document that ``indexText(_:wdfIncrement:prefix:)`` adds terms to.
    public func setDocument(_ document: Document) {
        self.document = document
        cx_termgenerator_set_document(handle, document.handle)
    }

    /// Sets the database that receives spelling data when `.spelling` is set.
    public func setDatabase(_ database: WritableDatabase) {
        self.database = database
        cx_termgenerator_set_database(handle, database.writableHandle)
    }

    /// Indexes `text` with positions; `prefix` goes on every term (e.g. "S" for titles).
    public func indexText(_ text: String, wdfIncrement: Int = 1, prefix: String = "") {
        _ = withBytes(text) { tp, tn in
            withBytes(prefix) { pp, pn in cx_termgenerator_index_text(handle, tp, tn, u32(wdfIncrement), pp, pn, nil) }
        }
    }

    /// Indexes `text` without positions: smaller, but no phrase searches over it.
    public func indexTextWithoutPositions(_ text: String, wdfIncrement: Int = 1, prefix: String = "") {
        _ = withBytes(text) { tp, tn in
            withBytes(prefix) { pp, pn in
                cx_termgenerator_index_text_without_positions(handle, tp, tn, u32(wdfIncrement), pp, pn, nil)
            }
        }
    }

    /// Skips positions so a phrase cannot match across two fields.
    public func increaseTermPosition(by delta: Int = 100) {
        cx_termgenerator_increase_termpos(handle, u32(delta))
    }

    /// The position the next word gets.
    public var termPosition: Int {
        get { Int(cx_termgenerator_get_termpos(handle)) }
        set { cx_termgenerator_set_termpos(handle, u32(newValue)) }
    }
}
