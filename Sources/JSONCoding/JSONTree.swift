/// What the encoder builds before anything is written. Containers are boxes, not values, because
/// Codable hands out nested containers and super-encoders that keep writing into a container after
/// it has been placed in its parent; the writer walks the finished boxes once.
enum JSONTree {
    case null
    case bool(Bool)
    /// Already in its final spelling (Swift's `description`, minus a trailing ".0" for floats).
    case number(String)
    case string(String)
    case array(JSONArrayBox)
    case object(JSONObjectBox)
}

final class JSONArrayBox {
    var elements: [JSONTree] = []
}

/// A dictionary, as in Foundation, so that encoding a key twice keeps the last value and keys that
/// Swift's `String ==` calls equal (canonically equivalent spellings) collapse into one member.
final class JSONObjectBox {
    var members: [String: JSONTree] = [:]
}
