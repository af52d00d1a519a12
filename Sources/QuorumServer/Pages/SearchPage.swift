import Foundation
import MinutesIndex
import MinutesIngest

/// The search page's values: the same ``SearchRequest`` and ``SearchResponse`` as `GET /search`,
/// turned into links. Every state is in the URL (the request's one URL form), so a page is a
/// permalink and the back button works; every filter is a link that adds or removes one
/// parameter, so the page needs no script.
struct SearchPage {
    let request: SearchRequest
    let response: SearchResponse?
    let milliseconds: Int
    /// How many items the index holds (the front page says so).
    let itemCount: Int
    /// Today, for the relative date spans.
    let today: MeetingDate
    /// Whether the daemon takes writes, so the page may offer to save the search.
    var canSave = false

    /// The facets the page counts for a request: the sidebar's, and the months of a chosen year.
    static func facets(for request: SearchRequest) -> [Facet] {
        Facet.defaults + [.person] + (chosenYear(of: request) != nil ? [.month] : [])
    }

    /// Whether the person asked anything: a query or a filter (else the front page shows).
    static func asks(_ request: SearchRequest) -> Bool {
        !request.query.trimmingCharacters(in: .whitespaces).isEmpty || request.filters != SearchFilters()
    }

    /// The page's values for the templates.
    var values: [String: Any] {
        var values: [String: Any] = [
            "title": request.query.isEmpty ? "Search" : request.query,
            "query": request.query,
            "hiddenFields": Self.fields(of: request, leaving: [.q, .offset]),
            "itemCount": itemCount,
        ]
        guard let response else { return values }
        values["hasQuestion"] = true
        values["summary"] = summary(response)
        values["sampled"] = response.sampleRate != nil
        values["milliseconds"] = milliseconds
        values["jsonURL"] = "/search?" + request.urlQuery
        values["csvURL"] = "/search.csv?" + Self.exportRequest(request).urlQuery
        values["feedURL"] = "/search.atom?" + Self.exportRequest(request).urlQuery
        values["firstRank"] = request.offset + 1
        values["hits"] = response.hits.map(hit)
        values["orders"] = orders
        values["facetGroups"] = facetGroups(response)
        values["anyFilter"] = request.filters != SearchFilters()
        var cleared = request
        cleared.filters = SearchFilters()
        values["clearURL"] = link(cleared)
        values["keptFields"] = Self.fields(of: request, leaving: [.from, .to, .offset])
        values["from"] = request.filters.from?.iso ?? ""
        values["to"] = request.filters.to?.iso ?? ""
        values["spans"] = spans
        values["options"] = options
        if canSave {
            values["canSave"] = true
            values["savedFields"] = Self.fields(of: Self.exportRequest(request), leaving: [.offset, .limit, .sort])
        }
        if let histogram = histogram(response) { values["histogram"] = histogram }
        if let pages = pages(response) { values["pages"] = pages }
        if let corrected = response.correctedQuery {
            var other = request
            other.query = corrected
            other.offset = 0
            values["correction"] = ["url": link(other), "text": corrected, "count": response.correctedTotal ?? 0]
        }
        return values
    }

    // MARK: - Links

    /// The page for `request`, its facets left out (the page chooses them) and its offset reset
    /// unless `keepingOffset`.
    func link(_ target: SearchRequest, keepingOffset: Bool = false) -> String {
        var target = target
        target.facets = []
        if !keepingOffset { target.offset = 0 }
        let query = target.urlQuery
        return query.isEmpty ? "/" : "/?" + query
    }

    /// The request's parameters as hidden form fields, but `leaving` (and the facets).
    static func fields(of request: SearchRequest, leaving: Set<SearchRequest.Parameter>) -> [[String: String]] {
        request.queryItems.compactMap { item in
            guard let parameter = SearchRequest.Parameter(rawValue: item.name), !leaving.contains(parameter), parameter != .facet else { return nil }
            return ["name": item.name, "value": item.value ?? ""]
        }
    }

    /// What the exports (CSV, Atom) of a search ask for: its filters and order, newest first
    /// when ranked, a larger page.
    static func exportRequest(_ request: SearchRequest) -> SearchRequest {
        SearchRequest(query: request.query, filters: request.filters, sort: request.sort, limit: 200)
    }

    private func summary(_ response: SearchResponse) -> String {
        let shown = response.hits.isEmpty ? "" : "; items \(request.offset + 1)–\(request.offset + response.hits.count)"
        let what = request.collapseByMeeting ? "matching items, best of each meeting shown" : "matching items"
        return "\(response.total) \(what)\(shown)"
    }

    private func hit(_ hit: SearchHit) -> [String: Any] {
        let itemQuery = request.query.isEmpty ? "" : "?q=" + SearchRequest.percentEncoded(request.query)
        var values: [String: Any] = [
            "date": hit.meetingDate?.iso ?? "undated",
            "committee": hit.committee ?? "unknown committee",
            "kind": hit.section.kind.rawValue.replacingOccurrences(of: "_", with: " "),
            "resolved": hit.resolved,
            "procedural": hit.procedural,
            "title": hit.item.title.isEmpty ? hit.section.title : hit.item.title,
            "url": "/item/" + SearchRequest.percentEncoded(hit.id) + itemQuery,
            "meetingURL": Self.meetingURL(hit.meeting),
            "snippetHTML": HTMLText.marked(snippet: hit.snippet),
        ]
        // Mustache shows a key that is there, so an absent value is left out, not nil or "".
        if !hit.item.number.isEmpty { values["number"] = hit.item.number }
        if let others = hit.collapsedCount, others > 0 { values["others"] = others }
        return values
    }

    private var orders: [[String: Any]] {
        [(SearchOrder.relevance, "best match"), (.dateDescending, "newest"), (.date, "oldest")].map { order, label in
            var other = request
            other.sort = order
            return ["label": label, "url": link(other), "current": request.sort == order]
        }
    }

    private var options: [[String: Any]] {
        var grouped = request
        grouped.collapseByMeeting.toggle()
        var substantive = request
        substantive.filters.excludeProcedural.toggle()
        var resolved = request
        resolved.filters.resolvedOnly.toggle()
        return [
            ["label": "best item of each meeting", "url": link(grouped), "on": request.collapseByMeeting],
            ["label": "leave out procedural items", "url": link(substantive), "on": request.filters.excludeProcedural],
            ["label": "only items with a resolution", "url": link(resolved), "on": request.filters.resolvedOnly],
        ]
    }

    /// Last 12 months, 2 years, 5 years: from that day to today.
    private var spans: [[String: String]] {
        [(1, "last 12 months"), (2, "last 2 years"), (5, "last 5 years")].map { years, label in
            var other = request
            other.filters.from = MeetingDate(year: today.year - years, month: today.month, day: min(today.day, 28))
            other.filters.to = nil
            return ["label": label, "url": link(other)]
        }
    }

    // MARK: - Facets

    private func facetGroups(_ response: SearchResponse) -> [[String: Any]] {
        var groups: [[String: Any]] = []
        if let years = response.facets[Facet.year.rawValue], !years.isEmpty {
            let chosen = Self.chosenYear(of: request)
            groups.append(["legend": "Year", "values": years.sorted { $0.value > $1.value }.map { count in
                ["label": count.value, "count": count.count, "url": yearLink(count.value, chosen: chosen), "selected": chosen == count.value]
            }])
        }
        if let committees = response.facets[Facet.committee.rawValue], !committees.isEmpty {
            let wanted = Set(request.filters.committees.map(slug))
            groups.append(["legend": "Committee", "values": committees.map { count in
                var other = request
                let selected = wanted.contains(slug(count.value))
                if selected {
                    other.filters.committees.removeAll { slug($0) == slug(count.value) }
                } else {
                    other.filters.committees.append(count.value)
                }
                return ["label": count.value, "count": count.count, "url": link(other), "selected": selected] as [String: Any]
            }])
        }
        if let people = response.facets[Facet.person.rawValue], !people.isEmpty {
            let wanted = Set(request.filters.people.map(slug))
            groups.append(["legend": "Person present", "values": people.prefix(Self.peopleShown).map { count in
                var other = request
                let selected = wanted.contains(count.value)
                if selected {
                    other.filters.people.removeAll { slug($0) == count.value }
                } else {
                    other.filters.people.append(count.value)
                }
                return ["label": Self.personName(count.value), "count": count.count, "url": link(other), "selected": selected] as [String: Any]
            }])
        }
        if let kinds = response.facets[Facet.kind.rawValue], !kinds.isEmpty {
            groups.append(["legend": "Kind of paper", "values": kinds.compactMap { count -> [String: Any]? in
                guard let kind = ItemKind(name: count.value) else { return nil }
                var other = request
                let selected = request.filters.kinds.contains(kind)
                if selected { other.filters.kinds.removeAll { $0 == kind } } else { other.filters.kinds.append(kind) }
                return ["label": count.value.replacingOccurrences(of: "_", with: " "), "count": count.count, "url": link(other), "selected": selected]
            }])
        }
        return groups
    }

    /// How many of the people named most often the sidebar lists.
    static let peopleShown = 12

    /// A person's term (`pitchley`, `baker-steel`) as a name: each part capitalised.
    static func personName(_ term: String) -> String {
        term.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-")
    }

    /// The year a request is narrowed to: from 1 January to 31 December of one year.
    static func chosenYear(of request: SearchRequest) -> String? {
        guard let from = request.filters.from, let to = request.filters.to, from.year == to.year,
              from.month == 1, from.day == 1, to.month == 12, to.day == 31 else { return nil }
        return String(from.year)
    }

    /// The search narrowed to `year`, or widened again when it is the chosen one.
    private func yearLink(_ year: String, chosen: String?) -> String {
        var other = request
        if year == chosen {
            (other.filters.from, other.filters.to) = (nil, nil)
        } else if let number = Int(year) {
            other.filters.from = MeetingDate(year: number, month: 1, day: 1)
            other.filters.to = MeetingDate(year: number, month: 12, day: 31)
        } else {
            return link(request)  // "unknown": undated items fall outside every date filter
        }
        return link(other)
    }

    // MARK: - Histogram and pages

    /// Matches per year as bars, each a link to that year; with one year chosen, its months below.
    private func histogram(_ response: SearchResponse) -> [String: Any]? {
        let years = (response.facets[Facet.year.rawValue] ?? []).filter { Int($0.value) != nil }.sorted { $0.value < $1.value }
        guard !years.isEmpty else { return nil }
        let chosen = Self.chosenYear(of: request)
        var histogram = Self.bars(years.map { ($0.value, $0.value, $0.count) }, selected: chosen) { yearLink($0, chosen: chosen) }
        histogram["unit"] = "year"
        if let chosen, let months = response.facets[Facet.month.rawValue], !months.isEmpty {
            let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let byMonth = Dictionary(months.map { ($0.value, $0.count) }, uniquingKeysWith: +)
            let all = (1...12).map { month in
                let value = "\(chosen)-" + (month < 10 ? "0\(month)" : "\(month)")
                return (value, names[month - 1], byMonth[value] ?? 0)
            }
            var monthBars = Self.bars(all, selected: nil) { value in
                var other = request
                let parts = value.split(separator: "-").compactMap { Int($0) }
                other.filters.from = MeetingDate(year: parts[0], month: parts[1], day: 1)
                other.filters.to = MeetingDate(year: parts[0], month: parts[1], day: MeetingDate.daysIn(month: parts[1], year: parts[0]))
                return link(other)
            }
            monthBars["year"] = chosen
            histogram["months"] = monthBars
        }
        return histogram
    }

    /// SVG geometry for bars of `counts` (value, label, count): heights in proportion to the counts.
    static func bars(_ counts: [(value: String, label: String, count: Int)], selected: String?,
                     link: (String) -> String) -> [String: Any] {
        let barWidth = 28, gap = 6, plotHeight = 100, labelSpace = 18
        let highest = max(1, counts.map(\.count).max() ?? 1)
        let bars: [[String: Any]] = counts.enumerated().map { index, bar in
            let height = bar.count == 0 ? 0 : max(2, bar.count * plotHeight / highest)
            let x = index * (barWidth + gap)
            return ["url": link(bar.value), "label": bar.value, "items": bar.count == 1 ? "item" : "items", "shortLabel": bar.label.count == 4 ? "’" + bar.label.suffix(2) : bar.label,
                    "count": bar.count, "x": x, "y": plotHeight - height, "barWidth": barWidth, "barHeight": height,
                    "labelX": x + barWidth / 2, "labelY": plotHeight + 14, "selected": bar.value == selected]
        }
        return ["bars": bars, "width": max(1, counts.count * (barWidth + gap) - gap), "height": plotHeight + labelSpace]
    }

    private func pages(_ response: SearchResponse) -> [String: Any]? {
        guard request.limit > 0, response.total > request.limit else { return nil }
        let page = request.offset / request.limit + 1
        let pageCount = (response.total + request.limit - 1) / request.limit
        var values: [String: Any] = ["page": page, "pageCount": pageCount]
        if request.offset > 0 {
            var previous = request
            previous.offset = max(0, request.offset - request.limit)
            values["previous"] = link(previous, keepingOffset: true)
        }
        if request.offset + request.limit < response.total {
            var next = request
            next.offset = request.offset + request.limit
            values["next"] = link(next, keepingOffset: true)
        }
        return values
    }

    /// The meeting page of meeting id `committee-slug/YYYY-MM-DD`.
    static func meetingURL(_ meeting: String) -> String {
        "/meeting/" + meeting.split(separator: "/").map { SearchRequest.percentEncoded(String($0)) }.joined(separator: "/")
    }
}
