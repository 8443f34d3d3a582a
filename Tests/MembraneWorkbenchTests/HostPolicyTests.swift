import MembraneWorkbench
import Testing

@Suite("Host policy (DNS rebinding)")
struct HostPolicyTests {
    @Test func loopbackServerAnswersLoopbackNamesOnly() {
        let policy = HostPolicy(boundHost: "127.0.0.1")
        for ok in ["localhost", "localhost:8080", "LOCALHOST:8080", "localhost.:8080", "127.0.0.1:8080", "127.0.0.2", "[::1]:8080", "[::1]"] {
            #expect(policy.allows(authority: ok), "\(ok)")
        }
        for refused in [nil, "", "evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.nip.io", "192.168.1.5:8080",
                        "user@localhost", "localhost:80a", "[::1", "local host", "localhost:123456"] {
            #expect(!policy.allows(authority: refused), "\(refused ?? "nil")")
        }
    }

    /// Bound to every address, the server also answers other IP literals (which cannot be rebound), never names.
    @Test func exposedServerAnswersAddressesAndItsName() {
        let any = HostPolicy(boundHost: "0.0.0.0")
        #expect(any.allows(authority: "192.168.1.5:8080") && any.allows(authority: "[fe80::1]:8080") && any.allows(authority: "localhost"))
        #expect(!any.allows(authority: "evil.example:8080"))
        let named = HostPolicy(boundHost: "lab-pc.local")
        #expect(named.allows(authority: "lab-pc.local:8080") && named.allows(authority: "LAB-PC.LOCAL"))
        #expect(!named.allows(authority: "other.local"))
    }

    @Test func loopbackAddresses() {
        #expect(HostPolicy.isLoopback("127.0.0.1") && HostPolicy.isLoopback("::1") && HostPolicy.isLoopback("[::1]") && HostPolicy.isLoopback("localhost"))
        #expect(!HostPolicy.isLoopback("0.0.0.0") && !HostPolicy.isLoopback("10.0.0.1") && !HostPolicy.isLoopback("127.0.0.256"))
    }
}
