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

    /// How a value a person writes becomes this field's term.
    public enum ValueForm: Sendable, Hashable {
        /// Taken as written (`year:2024`).
        case asWritten
        /// Lower-cased (`kind:Minutes` is `XKminutes`).
        case lowercased
        /// As a ``slug(_:)`` (`committee:"Improving Lives"` is `XCimproving-lives`).
        case slug
    }

    /// The name a query or an API parameter uses (`title`, `committee`, `year`).
    public let name: String
    /// The Xapian term prefix, following Omega's conventions (`S`, `D`, `Q`, `X…`).
    public let prefix: String
    /// How its terms behave in a query.
    public let termKind: TermKind
    /// The value slot the field is stored in, for sorting, ranges, facets or collapsing.
    public let slot: ValueSlot?
    /// How the terms of a boolean field are made from the values people write.
    public let valueForm: ValueForm

    /// A field; the facets among them are named by ``Facet``.
    public init(name: String, prefix: String, termKind: TermKind, slot: ValueSlot? = nil, valueForm: ValueForm = .asWritten) {
        self.name = name
        self.prefix = prefix
        self.termKind = termKind
        self.slot = slot
        self.valueForm = valueForm
    }

    /// The term for a value of this field: the prefix, then the normalised value.
    public func term(_ value: String) -> String {
        prefix + value
    }

    /// The term for a value as a person or a document writes it, in ``valueForm``:
    /// the indexer and the query parser both make terms this way.
    public func term(normalising value: String) -> String {
        switch valueForm {
        case .asWritten: term(value)
        case .lowercased: term(value.lowercased())
        case .slug: term(slug(value))
        }
    }
}
