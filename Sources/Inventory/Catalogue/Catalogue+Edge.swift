import AWSCore

extension Catalogue {
    static let edge: [ResourceKind] = [
        ResourceKind(
            id: "hosted-zones", sheet: "Route 53 Zones", title: "Route 53 hosted zones", category: .edge, api: .route53, reach: .global(),
            listing: Listing(
                AWSOperation("ListHostedZones", method: .GET, path: "/2013-04-01/hostedzone"),
                paging: .token("marker", "NextMarker", more: "IsTruncated", limit: "maxitems", sizes: 1...100), items: "HostedZones[]"),
            columns: [
                Column("Zone", "Name"), Column("Zone ID", .lastSegment("Id")), Column("Private", "Config.PrivateZone"),
                Column("Records", "ResourceRecordSetCount", .integer), Column("Comment", "Config.Comment"),
            ],
            costServices: ["Amazon Route 53"]),
        ResourceKind(
            id: "cloudfront-distributions", sheet: "CloudFront", title: "CloudFront distributions", category: .edge, api: .cloudFront,
            reach: .global(),
            listing: Listing(
                AWSOperation("ListDistributions", method: .GET, path: "/2020-05-31/distribution"),
                paging: .token("Marker", "NextMarker", more: "IsTruncated", limit: "MaxItems", sizes: 1...1_000), items: "Items[]"),
            columns: [
                Column("Distribution ID", "Id"), Column("Domain", "DomainName"), Column("Aliases", .join("Aliases.Items[]")),
                Column("Status", "Status"), Column("Enabled", "Enabled"), Column("Price class", "PriceClass"), Column("Web ACL", "WebACLId"),
                Column("Origins", .join("Origins.Items[].DomainName")), Column("Modified", "LastModifiedTime", .timestamp),
            ],
            costServices: ["Amazon CloudFront"]),
    ]
}
