/// Lower-case, hyphen-separated form of a name, used in filter terms and ids:
/// "Improving Lives Select Commission" becomes `improving-lives-select-commission`.
public func slug(_ text: String) -> String {
    var out = ""
    var pendingHyphen = false
    for scalar in text.lowercased().unicodeScalars {
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            if pendingHyphen && !out.isEmpty { out.append("-") }
            pendingHyphen = false
            out.unicodeScalars.append(scalar)
        } else if scalar == "'" || scalar == "’" {
            continue  // "Children's" → "childrens", not "children-s"
        } else {
            pendingHyphen = true
        }
    }
    return out
}
