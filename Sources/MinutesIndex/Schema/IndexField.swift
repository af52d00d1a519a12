import Xapian

/// One field of the index: how a piece of an item is stored in Xapian and how a query names it.
///
/// The indexer, the query parser's prefixes, the API's filters and facets all come from
/// ``Schema/fields``, so a field is added in one place (mu's `mu-fields.hh`, notmuch's `prefix.cc`).
public struct IndexField: Sendable, Hashable {
    /// How the field's terms behave in a query.
    public enum TermKind: Sendable, Hashable {
        /// Stemmed, positional words: phrases and stemming work (`title:budget`).
        case freeText
        /// Exact filter terms: `committee:cabinet` filters without affecting the weight.
        case boolean
        /// Never exposed to the query parser (internal bookkeeping such as source ids).
        case `internal`
    }

    /// The name a query or an API parameter uses (`title`, `committee`, `year`).
    public let name: String
    /// The Xapian term prefix, following Omega's conventions (`S`, `D`, `Q`, `X…`).
    public let prefix: String
    public let termKind: TermKind
    /// The value slot the field is stored in, for sorting, ranges, facets or collapsing.
    public let slot: ValueSlot?
    /// Whether the field can be asked for as a facet (counts per value).
    public let isFacet: Bool

    public init(name: String, prefix: String, termKind: TermKind, slot: ValueSlot? = nil, isFacet: Bool = false) {
        self.name = name
        self.prefix = prefix
        self.termKind = termKind
        self.slot = slot
        self.isFacet = isFacet
    }

    /// The term for a value of this field: the prefix, then the normalised value.
    public func term(_ value: String) -> String {
        prefix + value
    }
}
