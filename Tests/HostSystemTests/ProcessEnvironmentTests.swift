import Glibc
import HostSystem
import Testing

@Suite(.serialized) struct ProcessEnvironmentTests {
    @Test func theEnvironmentIsReadWithValuesContainingEqualsSigns() {
        setenv("HOSTSYSTEM_TEST_VALUE", "a=b=c", 1)
        setenv("HOSTSYSTEM_TEST_EMPTY", "", 1)
        defer {
            unsetenv("HOSTSYSTEM_TEST_VALUE")
            unsetenv("HOSTSYSTEM_TEST_EMPTY")
        }
        let environment = ProcessEnvironment.read()
        #expect(environment["HOSTSYSTEM_TEST_VALUE"] == "a=b=c")
        #expect(environment["HOSTSYSTEM_TEST_EMPTY"] == "")
        #expect(environment["HOSTSYSTEM_TEST_ABSENT"] == nil)
    }

    @Test func homeIsHOMEElseThePasswordDatabase() throws {
        #expect(ProcessEnvironment.homeDirectory(environment: ["HOME": "/home/ops"]) == "/home/ops")
        let entry = try #require(getpwuid(getuid()))
        let expected = String(cString: entry.pointee.pw_dir)
        #expect(ProcessEnvironment.homeDirectory(environment: [:]) == expected)
        #expect(ProcessEnvironment.homeDirectory(environment: ["HOME": ""]) == expected)
    }
}
