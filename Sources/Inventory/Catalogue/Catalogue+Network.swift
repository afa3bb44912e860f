import AWSCore

extension Catalogue {
    static let network: [ResourceKind] = [
        ResourceKind(
            id: "dx-connections", sheet: "DX Connections", title: "Direct Connect connections", category: .network, api: .directConnect,
            // No paginator in the model, but maxResults and nextToken in and out: without maxResults one answer has all.
            listing: Listing(AWSOperation("DescribeConnections"), paging: .lowerNextToken(sizes: 1...100), items: "connections[]"),
            columns: [
                Column("Name", "connectionName"), Column("Connection ID", "connectionId"), Column("State", "connectionState"),
                Column("Location", "location"), Column("Bandwidth", "bandwidth"), Column("VLAN", "vlan", .integer),
                Column("Partner", "partnerName"), Column("Tags", .tags("tags[]")),
            ],
            costServices: ["AWS Direct Connect"]),
        ResourceKind(
            id: "dx-virtual-interfaces", sheet: "DX Virtual Interfaces", title: "Direct Connect virtual interfaces", category: .network,
            api: .directConnect,
            listing: Listing(AWSOperation("DescribeVirtualInterfaces"), paging: .lowerNextToken(sizes: 1...100), items: "virtualInterfaces[]"),
            columns: [
                Column("Name", "virtualInterfaceName"), Column("Interface ID", "virtualInterfaceId"), Column("Type", "virtualInterfaceType"),
                Column("State", "virtualInterfaceState"), Column("Connection", "connectionId"), Column("VLAN", "vlan", .integer),
                Column("Customer ASN", "asn", .integer), Column("Amazon ASN", "amazonSideAsn", .integer),
                Column("DX gateway", "directConnectGatewayId"), Column("Virtual gateway", "virtualGatewayId"), Column("Tags", .tags("tags[]")),
            ]),
        ResourceKind(
            id: "dx-gateways", sheet: "DX Gateways", title: "Direct Connect gateways", category: .network, api: .directConnect,
            reach: .global(),
            listing: Listing(
                AWSOperation("DescribeDirectConnectGateways"), paging: .lowerNextToken(sizes: 1...100), items: "directConnectGateways[]"),
            columns: [
                Column("Name", "directConnectGatewayName"), Column("Gateway ID", "directConnectGatewayId"),
                Column("Amazon ASN", "amazonSideAsn", .integer), Column("State", "directConnectGatewayState"), Column("Owner", "ownerAccount"),
            ]),
        ResourceKind(
            id: "vpcs", sheet: "VPCs", title: "VPCs", category: .network, api: .ec2,
            listing: Listing(AWSOperation("DescribeVpcs"), paging: .ec2(), items: "vpcSet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("VPC ID", "vpcId"), Column("CIDR", "cidrBlock"),
                Column("State", "state"), Column("Default", "isDefault"), Column("Tenancy", "instanceTenancy"),
                Column("DHCP options", "dhcpOptionsId"), Column("Owner", "ownerId"), Column("Tags", .tags("tagSet[]")),
            ],
            costServices: ["Amazon Virtual Private Cloud"]),
        ResourceKind(
            id: "subnets", sheet: "Subnets", title: "Subnets", category: .network, api: .ec2,
            listing: Listing(AWSOperation("DescribeSubnets"), paging: .ec2(), items: "subnetSet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("Subnet ID", "subnetId"), Column("VPC", "vpcId"),
                Column("CIDR", "cidrBlock"), Column("AZ", "availabilityZone"), Column("Free IPs", "availableIpAddressCount", .integer),
                Column("Public IP on launch", "mapPublicIpOnLaunch"), Column("Default for AZ", "defaultForAz"), Column("State", "state"),
                Column("Tags", .tags("tagSet[]")),
            ]),
        ResourceKind(
            id: "route-tables", sheet: "Route Tables", title: "Route tables", category: .network, api: .ec2,
            listing: Listing(AWSOperation("DescribeRouteTables"), paging: .ec2(max: 100), items: "routeTableSet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("Route table ID", "routeTableId"), Column("VPC", "vpcId"),
                Column("Main", .join("associationSet[].main")), Column("Subnets", .join("associationSet[].subnetId")),
                Column("Routes", .count("routeSet[]"), .integer), Column("Tags", .tags("tagSet[]")),
            ]),
        ResourceKind(
            id: "internet-gateways", sheet: "Internet Gateways", title: "Internet gateways", category: .network, api: .ec2,
            listing: Listing(AWSOperation("DescribeInternetGateways"), paging: .ec2(), items: "internetGatewaySet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("Gateway ID", "internetGatewayId"),
                Column("VPC", .join("attachmentSet[].vpcId")), Column("State", .join("attachmentSet[].state")), Column("Owner", "ownerId"),
                Column("Tags", .tags("tagSet[]")),
            ]),
        ResourceKind(
            id: "nat-gateways", sheet: "NAT Gateways", title: "NAT gateways", category: .network, api: .ec2,
            listing: Listing(AWSOperation("DescribeNatGateways"), paging: .ec2(), items: "natGatewaySet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("NAT gateway ID", "natGatewayId"), Column("VPC", "vpcId"),
                Column("Subnet", "subnetId"), Column("State", "state"), Column("Connectivity", "connectivityType"),
                Column("Public IP", .join("natGatewayAddressSet[].publicIp")), Column("Private IP", .join("natGatewayAddressSet[].privateIp")),
                Column("Created", "createTime", .timestamp), Column("Tags", .tags("tagSet[]")),
            ]),
        ResourceKind(
            id: "vpc-endpoints", sheet: "VPC Endpoints", title: "VPC endpoints", category: .network, api: .ec2,
            listing: Listing(AWSOperation("DescribeVpcEndpoints"), paging: .ec2(), items: "vpcEndpointSet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("Endpoint ID", "vpcEndpointId"), Column("Type", "vpcEndpointType"),
                Column("Service", "serviceName"), Column("VPC", "vpcId"), Column("State", "state"),
                Column("Created", "creationTimestamp", .timestamp), Column("Tags", .tags("tagSet[]")),
            ]),
        ResourceKind(
            id: "vpn-connections", sheet: "VPN Connections", title: "Site-to-site VPN connections", category: .network, api: .ec2,
            // Only identifiers and state: the answer's customerGatewayConfiguration holds the tunnels' pre-shared keys.
            listing: Listing(AWSOperation("DescribeVpnConnections"), items: "vpnConnectionSet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("VPN ID", "vpnConnectionId"), Column("State", "state"),
                Column("Type", "type"), Column("Customer gateway", "customerGatewayId"), Column("VPN gateway", "vpnGatewayId"),
                Column("Transit gateway", "transitGatewayId"), Column("Tunnels up", .count("vgwTelemetry[]"), .integer),
                Column("Tags", .tags("tagSet[]")),
            ],
            costServices: ["AWS VPN"]),
        ResourceKind(
            id: "vpc-peering", sheet: "VPC Peering", title: "VPC peering connections", category: .network, api: .ec2,
            listing: Listing(AWSOperation("DescribeVpcPeeringConnections"), paging: .ec2(), items: "vpcPeeringConnectionSet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("Peering ID", "vpcPeeringConnectionId"), Column("Status", "status.code"),
                Column("Requester VPC", "requesterVpcInfo.vpcId"), Column("Requester account", "requesterVpcInfo.ownerId"),
                Column("Requester region", "requesterVpcInfo.region"), Column("Accepter VPC", "accepterVpcInfo.vpcId"),
                Column("Accepter account", "accepterVpcInfo.ownerId"), Column("Accepter region", "accepterVpcInfo.region"),
                Column("Tags", .tags("tagSet[]")),
            ]),
        ResourceKind(
            id: "transit-gateways", sheet: "Transit Gateways", title: "Transit gateways", category: .network, api: .ec2,
            listing: Listing(AWSOperation("DescribeTransitGateways"), paging: .ec2(), items: "transitGatewaySet[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("Transit gateway ID", "transitGatewayId"), Column("State", "state"),
                Column("Amazon ASN", "options.amazonSideAsn", .integer), Column("Owner", "ownerId"), Column("Description", "description"),
                Column("Created", "creationTime", .timestamp), Column("Tags", .tags("tagSet[]")),
            ],
            costServices: ["AWS Transit Gateway"]),
        ResourceKind(
            id: "tgw-attachments", sheet: "TGW Attachments", title: "Transit gateway attachments", category: .network, api: .ec2,
            listing: Listing(AWSOperation("DescribeTransitGatewayAttachments"), paging: .ec2(), items: "transitGatewayAttachments[]"),
            columns: [
                Column("Name", .tag("Name", in: "tagSet[]")), Column("Attachment ID", "transitGatewayAttachmentId"),
                Column("Transit gateway", "transitGatewayId"), Column("Resource type", "resourceType"), Column("Resource", "resourceId"),
                Column("Resource owner", "resourceOwnerId"), Column("State", "state"), Column("Created", "creationTime", .timestamp),
                Column("Tags", .tags("tagSet[]")),
            ]),
        ResourceKind(
            id: "ram-resources", sheet: "RAM Resources", title: "Resources shared through RAM", category: .network, api: .ram,
            listing: Listing(
                AWSOperation("ListResources", path: "/listresources"), input: [InputField("resourceOwner", .text("SELF"), placement: .body)],
                paging: .lowerNextToken(sizes: 1...500), items: "resources[]"),
            columns: [
                Column("Resource", "arn"), Column("Type", "type"), Column("Resource share", "resourceShareArn"), Column("Status", "status"),
                Column("Scope", "resourceRegionScope"), Column("Created", "creationTime", .timestamp),
            ]),
        ResourceKind(
            id: "load-balancers", sheet: "Load Balancers", title: "Application, network and gateway load balancers",
            category: .network, api: .elbv2,
            listing: Listing(
                AWSOperation("DescribeLoadBalancers"), paging: .token("Marker", "NextMarker", limit: "PageSize", sizes: 1...400),
                items: "LoadBalancers[]"),
            columns: [
                Column("Name", "LoadBalancerName"), Column("Type", "Type"), Column("Scheme", "Scheme"), Column("State", "State.Code"),
                Column("DNS name", "DNSName"), Column("VPC", "VpcId"), Column("AZs", .join("AvailabilityZones[].ZoneName")),
                Column("Security groups", .join("SecurityGroups[]")), Column("Created", "CreatedTime", .timestamp),
                Column("ARN", "LoadBalancerArn"),
            ],
            costServices: ["Amazon Elastic Load Balancing"]),
        ResourceKind(
            id: "classic-load-balancers", sheet: "Classic Load Balancers", title: "Classic load balancers", category: .network, api: .elb,
            listing: Listing(
                AWSOperation("DescribeLoadBalancers"), paging: .token("Marker", "NextMarker", limit: "PageSize", sizes: 1...400),
                items: "LoadBalancerDescriptions[]"),
            columns: [
                Column("Name", "LoadBalancerName"), Column("Scheme", "Scheme"), Column("DNS name", "DNSName"), Column("VPC", "VPCId"),
                Column("AZs", .join("AvailabilityZones[]")), Column("Instances", .count("Instances[]"), .integer),
                Column("Security groups", .join("SecurityGroups[]")), Column("Created", "CreatedTime", .timestamp),
            ]),
    ]
}
