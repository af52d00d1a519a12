import CXapian

// Helpers shared by the wrappers: calling the C shim, passing binary-safe strings in and
// copying malloc'd results out (then freeing them at once, so no C memory outlives a call).

/// Calls a shim function that reports through `cx_error`, throwing on failure.
func check(_ call: (UnsafeMutablePointer<cx_error>) -> cx_status) throws {
    var err = cx_error()
    let status = withUnsafeMutablePointer(to: &err) { call($0) }
    defer { cx_error_clear(&err) }
    guard status == CX_OK else { throw XapianError(status: status, error: err) }
}

/// Creates a handle that can only fail when memory runs out, where going on is pointless.
func mustCreate(_ what: String, _ call: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<cx_error>) -> cx_status) -> OpaquePointer {
    var handle: OpaquePointer?
    do {
        try check { call(&handle, $0) }
    } catch {
        fatalError("Xapian: cannot create \(what): \(error)")
    }
    return handle!
}

/// Creates a handle through a fallible shim call.
func create(_ call: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<cx_error>) -> cx_status) throws -> OpaquePointer {
    var handle: OpaquePointer?
    try check { call(&handle, $0) }
    return handle!
}

/// Lends the UTF-8 bytes of `string` as a (pointer, length) pair.
func withBytes<R>(_ string: String, _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
    var string = string
    return try string.withUTF8 { buffer in
        try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress, $0.count) }
    }
}

/// Lends raw bytes as a (pointer, length) pair.
func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
    try bytes.withUnsafeBufferPointer { buffer in
        try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress, $0.count) }
    }
}

/// Lends an optional string; nil becomes a NULL pointer (which the shim reads as "not given").
func withOptionalBytes<R>(_ string: String?, _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
    guard let string else { return try body(nil, 0) }
    // An empty but present string must stay distinguishable from nil, so never pass NULL for it.
    if string.isEmpty { return try "".withCString { try body($0, 0) } }
    return try withBytes(string, body)
}

/// Calls a shim function that returns a malloc'd byte string, and copies it out.
func fetchBytes(_ call: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<cx_error>) -> cx_status) throws -> [UInt8] {
    var out: UnsafeMutablePointer<CChar>?
    var length = 0
    try check { call(&out, &length, $0) }
    defer { cx_free_string(out) }
    guard let out else { return [] }
    return Array(UnsafeRawBufferPointer(start: out, count: length))
}

/// Like ``fetchBytes(_:)``, decoded as UTF-8 (invalid sequences become U+FFFD).
func fetchString(_ call: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<cx_error>) -> cx_status) throws -> String {
    String(decoding: try fetchBytes(call), as: UTF8.self)
}

/// One row of a shim term list.
struct TermRow {
    var bytes: [UInt8]
    var frequency: Int
    var weight: Double
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Calls a shim function that produces a cx_termlist, copies its rows and frees it.
func fetchTermList(_ call: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<cx_error>) -> cx_status) throws -> [TermRow] {
    var list: OpaquePointer?
    try check { call(&list, $0) }
    defer { cx_termlist_free(list) }
    guard let list else { return [] }
    return (0..<cx_termlist_size(list)).map { i in
        var length = 0
        let pointer = cx_termlist_string(list, i, &length)
        let bytes = pointer.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
        return TermRow(bytes: bytes, frequency: Int(cx_termlist_frequency(list, i)), weight: cx_termlist_weight(list, i))
    }
}

/// Clamps a Swift count to the 32-bit unsigned range Xapian uses for counts and positions.
func u32(_ value: Int) -> UInt32 {
    UInt32(clamping: max(0, value))
}
