import AWSCore
import Testing
import TestSupport

@Suite struct EndpointTests {
    @Test func serviceVariableBeatsGeneralVariableBeatsRegionalDefault() throws {
        let environment = [
            "AWS_ENDPOINT_URL": "http://localhost:4566",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER": "http://127.0.0.1:7000/",
        ]
        let resolver = EndpointResolver(environment: environment)
        let secrets = try resolver.endpoint(for: .secretsManager, region: "ap-northeast-2")
        #expect(secrets == AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 7000, isCustom: true))
        #expect(try resolver.endpoint(for: .dynamoDB, region: "ap-northeast-2").hostHeader == "localhost:4566")
        let aws = try EndpointResolver(environment: [:]).endpoint(for: .dynamoDB, region: "ap-northeast-2")
        #expect(aws.origin == "https://dynamodb.ap-northeast-2.amazonaws.com")
        #expect(!aws.isCustom)
        #expect(try EndpointResolver(environment: [:]).endpoint(for: .s3, region: "cn-north-1").host == "s3.cn-north-1.amazonaws.com.cn")
    }

    @Test func serviceIDsBecomeVariableNames() {
        #expect(AWSService.dynamoDB.endpointVariable == "AWS_ENDPOINT_URL_DYNAMODB")
        #expect(AWSService.s3.endpointVariable == "AWS_ENDPOINT_URL_S3")
        #expect(AWSService.secretsManager.endpointVariable == "AWS_ENDPOINT_URL_SECRETS_MANAGER")
    }

    @Test func parsesEndpointURLs() throws {
        let withPath = try AWSEndpoint(parsing: "HTTPS://Example.com:443/prefix/")
        #expect(withPath == AWSEndpoint(scheme: "https", host: "example.com", port: 443, basePath: "/prefix", isCustom: true))
        #expect(withPath.hostHeader == "example.com")
        #expect(try AWSEndpoint(parsing: "http://[::1]:5000").hostHeader == "[::1]:5000")
        for bad in ["localhost:4566", "ftp://x", "http://", "http://host:notaport", "http://user@host"] {
            #expect(throws: EndpointError.self) { try AWSEndpoint(parsing: bad, variable: "AWS_ENDPOINT_URL") }
        }
    }

    @Test func regionFromEnvironmentThenConfigFile() throws {
        #expect(try RegionResolver(environment: ["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "us-east-1"]).region() == "eu-west-1")
        #expect(try RegionResolver(environment: ["AWS_DEFAULT_REGION": "us-east-1", "HOME": "/nonexistent"]).region() == "us-east-1")
        let files = try TemporaryAWSFiles(credentials: "", config: "[default]\nregion = ap-northeast-2\n[profile ops]\nregion = eu-central-1\n")
        #expect(try RegionResolver(environment: files.environment).region() == "ap-northeast-2")
        #expect(try RegionResolver(environment: files.environment.merging(["AWS_PROFILE": "ops"]) { $1 }).region() == "eu-central-1")
        #expect(throws: EndpointError.missingRegion) {
            try RegionResolver(environment: TemporaryAWSFiles(credentials: "", config: "").environment).region()
        }
    }
}
