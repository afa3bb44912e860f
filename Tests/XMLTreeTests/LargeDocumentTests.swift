import Testing
import XMLTree

/// A DescribeInstances response the size of a large account's. Its speed is measured in release
/// builds outside the tests; here it must read whole and right.
@Suite struct LargeDocumentTests {
    @Test func tenMegabyteDescribeInstancesReadsWhole() throws {
        let (document, reservations) = DescribeInstancesDocument.make(atLeast: 10 << 20)
        let response = try XMLDocument.parse(document)

        let items = try #require(response.child("reservationSet")).children(named: "item")
        #expect(items.count == reservations)
        let instances = items.flatMap { $0.child("instancesSet")?.children(named: "item") ?? [] }
        #expect(instances.count == reservations * DescribeInstancesDocument.instancesPerReservation)
        let last = try #require(instances.last)
        #expect(last.child("instanceId")?.text == DescribeInstancesDocument.instanceID(reservation: reservations - 1, instance: 1))
        #expect(last.path("tagSet", "item", "value")?.text.hasSuffix(" web <prod>") == true)
        let running = instances.filter { $0.path("instanceState", "name")?.text == "running" }
        #expect(running.count == (0..<instances.count).filter { $0 % 3 != 0 }.count)
        #expect(response.child("nextToken")?.text == "eyJ2IjoiMiIsImMiOiJjb250aW51ZSIsInMiOjF9")
    }
}
