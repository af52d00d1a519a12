// Value slots held in memory, one code per document id: what facet counts are read from.
//
// Xapian's ValueCountMatchSpy reads each match's value from the value table: at a million items
// a year or committee facet costs 10-12 ms per search, a third of it in pread(2) of value blocks
// already in the page cache. Search engines keep facet fields column-wise in memory instead
// (Lucene's doc values, Tantivy's fast fields); this is that for Xapian 1.4, which has none.
//
// A column maps each document id to a small code for its value, in chunks of 64K ids. Columns
// only grow: the indexer adds documents and deletes them but never gives an id new values, so a
// column built from one revision stays right for later ones and is extended from the value
// stream past the last id it covers. (A deleted document's entry stays; the matcher never
// returns it.) A database with another UUID — rebuilt, or compacted into place — starts afresh.
//
// Published columns are immutable and shared (std::shared_ptr<const Column>): a search counts
// from the column it was handed while another search extends a newer one.
#include "cx_internal.hh"

#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_map>

namespace {

constexpr unsigned chunk_bits = 16;
constexpr Xapian::docid chunk_mask = (1u << chunk_bits) - 1;
using Chunk = std::vector<uint32_t>;

/// One slot's value codes for document ids 1...covered. Code 0: no value; code c: values[c - 1].
struct Column {
    std::vector<std::shared_ptr<const Chunk>> chunks;
    std::shared_ptr<const std::vector<std::string>> values = std::make_shared<std::vector<std::string>>();
    Xapian::docid covered = 0;

    uint32_t code(Xapian::docid did) const {
        if (did == 0 || did > covered) return 0;
        return (*chunks[did >> chunk_bits])[did & chunk_mask];
    }
};

/// Counts a slot's values over the matches from a column: one array read per match.
class ColumnCountSpy final : public Xapian::MatchSpy {
  public:
    explicit ColumnCountSpy(std::shared_ptr<const Column> column)
        : column(std::move(column)), counts(this->column->values->size() + 1, 0) {}

    void operator()(const Xapian::Document &doc, double) override {
        ++total;
        ++counts[column->code(doc.get_docid())];
    }

    Xapian::MatchSpy *clone() const override { return new ColumnCountSpy(column); }
    // Deliberately not serialisable: the column lives in this process, so remote matches use
    // Xapian's own ValueCountMatchSpy.
    std::string name() const override { return "Quorum::ColumnCountSpy"; }
    std::string get_description() const override {
        return "ColumnCountSpy(" + std::to_string(column->values->size()) + " values)";
    }

    std::shared_ptr<const Column> column;
    std::vector<uint64_t> counts;  // by code; counts[0] is documents without a value
    Xapian::doccount total = 0;
};

/// A ValueCountMatchSpy-alike over a column.
struct ColumnMatchSpy final : cx_matchspy {
    explicit ColumnMatchSpy(std::shared_ptr<const Column> column) : counter(std::move(column)) {}

    Xapian::MatchSpy &spy() override { return counter; }
    uint32_t total() const override { return counter.total; }
    std::vector<std::pair<std::string, uint64_t>> counts() const override {
        std::vector<std::pair<std::string, uint64_t>> out;
        const auto &values = *counter.column->values;
        for (size_t code = 1; code < counter.counts.size(); ++code) {
            if (counter.counts[code]) out.emplace_back(values[code - 1], counter.counts[code]);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    ColumnCountSpy counter;
};

/// A slot's published column, and the value → code map only the extending thread touches.
struct Slot {
    std::shared_ptr<const Column> column = std::make_shared<Column>();
    std::unordered_map<std::string, uint32_t> codes;
};

}  // namespace

struct cx_value_columns {
    std::mutex mutex;
    std::string uuid;
    std::map<Xapian::valueno, Slot> slots;

    /// The column of `slot` covering every document id of `db`, extended first if need be.
    std::shared_ptr<const Column> column(const Xapian::Database &db, Xapian::valueno slot_number) {
        std::lock_guard<std::mutex> lock(mutex);
        std::string current = db.get_uuid();
        if (current != uuid) {
            slots.clear();
            uuid = current;
        }
        Slot &slot = slots[slot_number];
        Xapian::docid last = db.get_lastdocid();
        if (slot.column->covered >= last) return slot.column;
        slot.column = extended(*slot.column, slot.codes, db, slot_number, last);
        return slot.column;
    }

  private:
    /// A copy of `old` that also covers ids old.covered + 1 ... last, read from the value stream.
    static std::shared_ptr<const Column> extended(const Column &old, std::unordered_map<std::string, uint32_t> &codes,
                                                  const Xapian::Database &db, Xapian::valueno slot,
                                                  Xapian::docid last) {
        auto next = std::make_shared<Column>(old);
        // The chunks the new ids fall in, writable: the old partial chunk is copied, not shared.
        size_t first_chunk = size_t(old.covered + 1) >> chunk_bits;
        size_t end_chunk = (size_t(last) >> chunk_bits) + 1;
        std::vector<std::shared_ptr<Chunk>> writable;
        next->chunks.resize(end_chunk);
        for (size_t i = first_chunk; i < end_chunk; ++i) {
            auto chunk = i < old.chunks.size() ? std::make_shared<Chunk>(*old.chunks[i])
                                               : std::make_shared<Chunk>(size_t(1) << chunk_bits, 0);
            writable.push_back(chunk);
            next->chunks[i] = chunk;
        }
        std::shared_ptr<std::vector<std::string>> values;  // copied only if a new value turns up
        Xapian::ValueIterator it = db.valuestream_begin(slot);
        if (it != db.valuestream_end(slot)) it.skip_to(old.covered + 1);
        for (; it != db.valuestream_end(slot); ++it) {
            Xapian::docid did = it.get_docid();
            if (did > last) break;
            std::string value = *it;
            if (value.empty()) continue;  // as ValueCountMatchSpy: an empty value is no value
            auto found = codes.find(value);
            uint32_t code;
            if (found != codes.end()) {
                code = found->second;
            } else {
                if (!values) values = std::make_shared<std::vector<std::string>>(*old.values);
                values->push_back(value);
                code = uint32_t(values->size());
                codes.emplace(std::move(value), code);
            }
            (*writable[(did >> chunk_bits) - first_chunk])[did & chunk_mask] = code;
        }
        if (values) next->values = values;
        next->covered = last;
        return next;
    }
};

extern "C" {

cx_status cx_value_columns_new(cx_value_columns **out, cx_error *err) {
    return cx::guard(err, [&] { *out = new cx_value_columns; });
}

void cx_value_columns_free(cx_value_columns *columns) { cx::guard_void([&] { delete columns; }); }

/// Whether db can have columns: several databases searched as one interleave their ids, and
/// remote ones have no value streams here; both count with Xapian's own spy.
static bool has_columns(const Xapian::Database &db) { return db.size() == 1 && !db.get_uuid().empty(); }

cx_status cx_value_columns_matchspy_new(cx_value_columns *columns, const cx_database *db, uint32_t slot,
                                        cx_matchspy **out, cx_error *err) {
    return cx::guard(err, [&] {
        *out = has_columns(*db->db) ? new ColumnMatchSpy(columns->column(*db->db, slot)) : nullptr;
    });
}

cx_status cx_value_columns_prepare(cx_value_columns *columns, const cx_database *db, uint32_t slot, cx_error *err) {
    return cx::guard(err, [&] {
        if (has_columns(*db->db)) columns->column(*db->db, slot);
    });
}

cx_status cx_value_columns_memory(cx_value_columns *columns, uint64_t *out, cx_error *err) {
    return cx::guard(err, [&] {
        std::lock_guard<std::mutex> lock(columns->mutex);
        uint64_t bytes = 0;
        for (const auto &entry : columns->slots) {
            const Column &column = *entry.second.column;
            bytes += column.chunks.size() * (sizeof(uint32_t) << chunk_bits);
            for (const auto &value : *column.values) bytes += value.size() + sizeof(std::string);
        }
        *out = bytes;
    });
}

}  // extern "C"
