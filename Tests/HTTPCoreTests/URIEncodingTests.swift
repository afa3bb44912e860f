import AWSCore
import HTTPCore
import Testing

@Suite struct URIEncodingTests {
    @Test func keepsOnlyUnreservedCharacters() {
        #expect(URIEncoding.encode("-._~AZaz09") == "-._~AZaz09")
        #expect(URIEncoding.encode("a b+c=d/e!'()*%") == "a%20b%2Bc%3Dd%2Fe%21%27%28%29%2A%25")
        #expect(URIEncoding.encode("한") == "%ED%95%9C")
        #expect(URIEncoding.encodePath("reports/2026 11/a+b.html") == "reports/2026%2011/a%2Bb.html")
    }

    @Test func decodesPercentSequencesButNotPlus() {
        #expect(URIEncoding.decode("%E1%88%B4=a+b%2f") == "ሴ=a+b/")
        #expect(URIEncoding.decode("100%") == "100%")
        #expect(URIEncoding.decode("%zz") == "%zz")
    }
}
