import Foundation
import Hummingbird
import MinutesIndex
import MinutesIngest

/// The pages people read in a browser, rendered on the server from ``QuorumAPI``'s own
/// handlers (the same searches, items and counts as the JSON API), so there is one search path.
/// Errors are pages too, with the API's status and message.
struct QuorumPages: Sendable {
    let api: QuorumAPI
    let renderer: PageRenderer

    /// `GET /?q=…`: the front page, or the search page when the URL asks something.
    func search(_ parameters: [(name: String, value: String)]) async -> HTMLPage {
        await page {
            var request = try SearchParameters.request(from: parameters)
            request.facets = SearchPage.facets(for: request)
            let started = ContinuousClock.now
            let response = SearchPage.asks(request) ? try await api.search(request) : nil
            let elapsed = ContinuousClock.now - started
            let page = SearchPage(request: request, response: response,
                                  milliseconds: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000),
                                  itemCount: try await api.itemCount(), today: Self.today, canSave: api.isWritable)
            return renderer.render("search", page.values)
        }
    }

    /// `GET /item/{id}?q=…`: one item in full.
    func item(id: String, query: String) async -> HTMLPage {
        await page {
            let record = try await api.item(id: id)
            let marked = try await api.markedText(ofItem: id, query: query, paragraphs: ItemPage.paragraphs(record.text),
                                                  resolutions: record.resolutions)
            let meetingItems = try await items(ofMeeting: record.meeting)
            let similar = (try? await api.similar(id: id, limit: 5).hits) ?? []
            let page = ItemPage(record: record, query: query, marked: marked, meetingItems: meetingItems, similar: similar)
            return renderer.render("item", page.values)
        }
    }

    /// `GET /meeting/{committee}/{date}`: every item of one meeting.
    func meeting(committee: String, date: String) async -> HTMLPage {
        await page {
            let meeting = "\(committee)/\(date)"
            let items = try await items(ofMeeting: meeting)
            guard let first = items.first else {
                throw APIError.notFound(code: .notFound, "no meeting \(meeting) is in the index")
            }
            var attendance: Attendance?
            for hit in items where hit.section.kind == .minutes {
                if let found = try await api.item(id: hit.id).attendance { attendance = found; break }
            }
            let page = MeetingPage(committee: first.committee ?? committee, date: date, items: items, attendance: attendance,
                                   meetings: try await meetings(ofCommittee: committee), meeting: meeting)
            return renderer.render("meeting", page.values)
        }
    }

    /// `POST /save` from the search page's form: saves the search, when the form came from a
    /// page of this daemon (its `Origin` is this host, or the browser says the request is
    /// same-origin), so no other site can make a visitor's browser save searches.
    func save(form: [(name: String, value: String)], origin: String?, fetchSite: String?, host: String?) async -> HTMLPage {
        await page {
            let sameOrigin = fetchSite == "same-origin" || (origin != nil && host != nil
                && [("http://" + host!), ("https://" + host!)].contains(origin!))
            guard sameOrigin else {
                throw APIError(status: .forbidden, code: .badRequest,
                               message: "a search can only be saved from quorumd's own search page")
            }
            let name = form.first { $0.name == "name" }?.value ?? ""
            let saved = try await api.saveSearch(name: name, parameters: form.filter { $0.name != "name" })
            let feed = "/saved/" + SearchRequest.percentEncoded(saved.name) + "/feed.atom"
            return renderer.render("saved", ["title": "Saved \(saved.name)", "name": saved.name, "feedURL": feed,
                                             "search": saved.query.isEmpty ? "every item" : saved.query,
                                             "searchURL": "/?" + saved.request(limit: SearchRequest.defaultLimit).urlQuery,
                                             "query": saved.query, "hiddenFields": [[String: String]]()])
        }
    }

    /// `GET /search.csv?…`: the search's hits as CSV, for a spreadsheet.
    func csv(_ parameters: [(name: String, value: String)]) async throws -> TextBody {
        let request = SearchPage.exportRequest(try SearchParameters.request(from: parameters))
        let response = try await api.search(request)
        return TextBody(text: SearchExport.csv(response), contentType: "text/csv; charset=utf-8",
                        extraHeaders: [.contentDisposition: "attachment; filename=\"quorum-search.csv\""])
    }

    /// `GET /search.atom?…`: the search as an Atom feed, newest meetings first.
    func atom(_ parameters: [(name: String, value: String)]) async throws -> TextBody {
        var request = SearchPage.exportRequest(try SearchParameters.request(from: parameters))
        request.sort = .dateDescending
        let response = try await api.search(request)
        return TextBody(text: SearchExport.atom(response, request: request), contentType: "application/atom+xml; charset=utf-8")
    }

    // MARK: -

    /// The items of a meeting, in their order.
    private func items(ofMeeting meeting: String) async throws -> [SearchHit] {
        let request = SearchRequest(query: "meeting:\"\(meeting.replacingOccurrences(of: "\"", with: ""))\"", sort: .date,
                                    limit: SearchRequest.maximumLimit)
        return MeetingPage.inOrder(try await api.search(request).hits)
    }

    /// A committee's meetings, oldest first.
    private func meetings(ofCommittee committee: String) async throws -> [String] {
        let request = SearchRequest(committees: [committee], facets: [.meeting], limit: 0, exactCounts: true)
        let meetings = try await api.search(request).facets[Facet.meeting.rawValue] ?? []
        return meetings.map(\.value).sorted { ($0.split(separator: "/").last ?? "") < ($1.split(separator: "/").last ?? "") }
    }

    /// Renders `body`'s page, or the error page of what it threw.
    private func page(_ body: () async throws -> String) async -> HTMLPage {
        do {
            return HTMLPage(html: try await body())
        } catch let error as APIError {
            return errorPage(error)
        } catch let error as IndexError {
            return errorPage(APIError(indexError: error))
        } catch {
            return errorPage(.internalError("the page could not be made; the daemon's log says why"))
        }
    }

    private func errorPage(_ error: APIError) -> HTMLPage {
        let heading = switch error.status.code {
        case 400: "That search could not be read"
        case 403: "Not allowed"
        case 409: "This daemon only reads"
        case 404: "Not found"
        default: "Something went wrong"
        }
        let html = renderer.render("error", ["title": heading, "heading": heading, "message": error.message, "query": "",
                                             "hiddenFields": [[String: String]]()])
        return HTMLPage(html: html, status: error.status)
    }

    /// Today's date, in UTC: minutes name days.
    static var today: MeetingDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return MeetingDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
