// Compaction: Xapian::Database::compact (what xapian-compact runs), through the binding.
#include "cx_internal.hh"

using cx::guard;

extern "C" {

cx_status cx_database_compact(const cx_database *db, const char *output, unsigned flags, cx_error *err) {
    return guard(err, [&] {
        if (!output || !*output) throw Xapian::InvalidArgumentError("compact needs an output path");
        unsigned xapian_flags = 0;
        if (flags & CX_COMPACT_FULLER) {
            xapian_flags |= Xapian::Compactor::FULLER;
        } else if (flags & CX_COMPACT_FULL) {
            xapian_flags |= Xapian::Compactor::FULL;
        }
        if (flags & CX_COMPACT_SINGLE_FILE) xapian_flags |= Xapian::DBCOMPACT_SINGLE_FILE;
        // Reads every shard of db and writes one new database at output; the source is never
        // modified, so a failure part-way leaves the index being compacted as it was.
        db->db->compact(std::string(output), xapian_flags);
    });
}

}
