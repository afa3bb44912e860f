import XMLTree

/// One arrow from a part to another part, or to an address outside the package.
struct Relationship {
    /// `rId1`…, unique within the source part; what the source's XML refers to.
    let id: String
    let type: String
    /// A path relative to the source part's folder, or an absolute URI when external.
    let target: String
    var isExternal = false
}

/// A `.rels` part: the relationships of the part it is named after.
enum RelationshipsPart {
    static func xml(_ relationships: [Relationship]) -> String {
        var xml = PackageLayout.xmlDeclaration
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for relationship in relationships {
            xml += "<Relationship Id=\"\(relationship.id)\" Type=\"\(relationship.type)\" Target=\""
            XMLEscaping.append(attribute: relationship.target, to: &xml)
            xml += relationship.isExternal ? "\" TargetMode=\"External\"/>" : "\"/>"
        }
        xml += "</Relationships>"
        return xml
    }
}
