/// A DescribeInstances response of any size, shaped like EC2's: reservations of instances with
/// states, placements, network interfaces and tags, indented as EC2 indents them.
enum DescribeInstancesDocument {
    static let instancesPerReservation = 2

    /// At least `bytes` bytes of response, made of whole reservations; returns it and how many it holds.
    static func make(atLeast bytes: Int) -> (document: [UInt8], reservations: Int) {
        var document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
                <reservationSet>

            """
        var reservations = 0
        while document.utf8.count < bytes {
            document += reservation(reservations)
            reservations += 1
        }
        document += """
                </reservationSet>
                <nextToken>eyJ2IjoiMiIsImMiOiJjb250aW51ZSIsInMiOjF9</nextToken>
            </DescribeInstancesResponse>

            """
        return (Array(document.utf8), reservations)
    }

    static func instanceID(reservation: Int, instance: Int) -> String {
        "i-\(String(reservation * instancesPerReservation + instance, radix: 16))0abcdef"
    }

    private static func reservation(_ number: Int) -> String {
        var xml = """
                    <item>
                        <reservationId>r-\(String(number, radix: 16))0abcdef</reservationId>
                        <ownerId>123456789012</ownerId>
                        <groupSet/>
                        <instancesSet>

            """
        for instance in 0..<instancesPerReservation {
            // Every third instance in the document is stopped.
            let running = (number * instancesPerReservation + instance) % 3 != 0
            xml += item(id: instanceID(reservation: number, instance: instance), running: running)
        }
        xml += """
                        </instancesSet>
                    </item>

            """
        return xml
    }

    private static func item(id: String, running: Bool) -> String {
        """
                            <item>
                                <instanceId>\(id)</instanceId>
                                <imageId>ami-0abcdef1234567890</imageId>
                                <instanceState>
                                    <code>\(running ? 16 : 80)</code>
                                    <name>\(running ? "running" : "stopped")</name>
                                </instanceState>
                                <privateDnsName>ip-10-0-1-23.ap-northeast-2.compute.internal</privateDnsName>
                                <dnsName/>
                                <reason/>
                                <keyName>ops-key</keyName>
                                <amiLaunchIndex>0</amiLaunchIndex>
                                <productCodes/>
                                <instanceType>m6i.large</instanceType>
                                <launchTime>2026-01-08T16:46:19.000Z</launchTime>
                                <placement>
                                    <availabilityZone>ap-northeast-2a</availabilityZone>
                                    <groupName/>
                                    <tenancy>default</tenancy>
                                </placement>
                                <monitoring>
                                    <state>disabled</state>
                                </monitoring>
                                <subnetId>subnet-0123456789abcdef0</subnetId>
                                <vpcId>vpc-0123456789abcdef0</vpcId>
                                <privateIpAddress>10.0.1.23</privateIpAddress>
                                <sourceDestCheck>true</sourceDestCheck>
                                <groupSet>
                                    <item>
                                        <groupId>sg-0123456789abcdef0</groupId>
                                        <groupName>app &amp; batch</groupName>
                                    </item>
                                </groupSet>
                                <architecture>x86_64</architecture>
                                <rootDeviceType>ebs</rootDeviceType>
                                <rootDeviceName>/dev/xvda</rootDeviceName>
                                <blockDeviceMapping>
                                    <item>
                                        <deviceName>/dev/xvda</deviceName>
                                        <ebs>
                                            <volumeId>vol-0123456789abcdef0</volumeId>
                                            <status>attached</status>
                                            <attachTime>2026-01-08T16:46:20.000Z</attachTime>
                                            <deleteOnTermination>true</deleteOnTermination>
                                        </ebs>
                                    </item>
                                </blockDeviceMapping>
                                <virtualizationType>hvm</virtualizationType>
                                <clientToken/>
                                <tagSet>
                                    <item>
                                        <key>Name</key>
                                        <value>\(id) web &lt;prod&gt;</value>
                                    </item>
                                    <item>
                                        <key>Owner</key>
                                        <value>운영팀</value>
                                    </item>
                                </tagSet>
                                <hypervisor>xen</hypervisor>
                                <networkInterfaceSet>
                                    <item>
                                        <networkInterfaceId>eni-0123456789abcdef0</networkInterfaceId>
                                        <subnetId>subnet-0123456789abcdef0</subnetId>
                                        <vpcId>vpc-0123456789abcdef0</vpcId>
                                        <description/>
                                        <ownerId>123456789012</ownerId>
                                        <status>in-use</status>
                                        <macAddress>02:dd:2c:5e:01:69</macAddress>
                                        <privateIpAddress>10.0.1.23</privateIpAddress>
                                        <sourceDestCheck>true</sourceDestCheck>
                                        <attachment>
                                            <attachmentId>eni-attach-0123456789abcdef0</attachmentId>
                                            <deviceIndex>0</deviceIndex>
                                            <status>attached</status>
                                            <attachTime>2026-01-08T16:46:19.000Z</attachTime>
                                            <deleteOnTermination>true</deleteOnTermination>
                                        </attachment>
                                    </item>
                                </networkInterfaceSet>
                                <ebsOptimized>false</ebsOptimized>
                                <enaSupport>true</enaSupport>
                                <metadataOptions>
                                    <state>applied</state>
                                    <httpTokens>required</httpTokens>
                                </metadataOptions>
                            </item>

            """
    }
}
