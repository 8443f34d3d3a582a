import RealModule

/// Pitzer's ion-interaction model for a fixed set of species at one temperature.
///
/// Single-ion activity coefficients (Pitzer 1991, *Activity Coefficients in Electrolyte Solutions*,
/// 2nd ed., ch. 3, eqs. 63–64; Harvie, Møller & Weare 1984, eqs. 1–8), for a cation M:
///
///     ln γ_M = z_M² F + Σ_a m_a (2 B_Ma + Z C_Ma) + Σ_c m_c (2 Φ_Mc + Σ_a m_a ψ_Mca)
///              + Σ_{a<a'} m_a m_a' ψ_aa'M + |z_M| Σ_c Σ_a m_c m_a C_ca
///     F = −A_φ [√I/(1 + b√I) + (2/b) ln(1 + b√I)] + Σ_c Σ_a m_c m_a B'_ca
///         + Σ_{c<c'} m_c m_c' Φ'_cc' + Σ_{a<a'} m_a m_a' Φ'_aa'
///
/// (anions alike), with b = 1.2, Z = Σ m_i |z_i|, B = β⁰ + β¹ g(α₁√I) + β² g(α₂√I),
/// g(x) = 2[1 − (1 + x)e^{−x}]/x², B' = [β¹ g'(α₁√I) + β² g'(α₂√I)]/I,
/// g'(x) = −2[1 − (1 + x + x²/2)e^{−x}]/x², C = C^φ/(2√|z_M z_X|), and Φ = θ + ᴱθ(I), Φ' = ᴱθ'(I).
/// α₁ = 2 (1.4 for 2:2 pairs), α₂ = 12 (50 for pairs with no monovalent ion and not 2:2), as PHREEQC.
/// The unsymmetrical-mixing terms ᴱθ use Pitzer's (1975, J. Solution Chem. 4:249, eq. 47)
/// approximation J(x) = x/(4 + 4.581 x^−0.7237 exp(−0.0120 x^0.528)).
/// The osmotic coefficient:
///
///     φ − 1 = (2/Σm) [−A_φ I^{3/2}/(1 + b√I) + Σ_c Σ_a m_c m_a (B^φ_ca + Z C_ca)
///                     + Σ_{c<c'} m_c m_c' (Φ^φ_cc' + Σ_a m_a ψ_cc'a) + Σ_{a<a'} m_a m_a' (Φ^φ_aa' + Σ_c m_c ψ_aa'c)]
///
/// with B^φ = β⁰ + β¹e^{−α₁√I} + β²e^{−α₂√I} and Φ^φ = θ + ᴱθ + I ᴱθ'.
/// Single-ion values are put on the MacInnes scale (γ_Cl = γ±,KCl at the same I, MacInnes 1919,
/// J. Am. Chem. Soc. 41:1086): ln γᵢ ← ln γᵢ + zᵢ (ln γ_Cl − ln γ±KCl(I)), which leaves every mean
/// activity coefficient unchanged (as PHREEQC's `pitzer.cpp` does by default).
/// Species without parameters (organic ions, Cs⁺, …) get only the Debye–Hückel and charge terms
/// (z²F + |z| Σ m_c m_a C_ca); neutral species count in Σm and keep γ = 1.
public struct PitzerModel: Sendable {
    /// The species' canonical names, in the order of the molality vector.
    public let names: [String]
    /// Their charges z, in the same order.
    public let charges: [Int]
    /// A_φ, Pitzer's osmotic Debye–Hückel slope (natural log), (kg/mol)^½ (``DebyeHuckelParameters/aPhi``).
    public let aPhi: Double
    /// Names of species without any Pitzer parameter (charged ones only).
    public let unparameterized: [String]

    struct Pair { let i: Int; let j: Int; let b0, b1, b2, c: Double; let alpha1, alpha2: Double }
    struct Like { let i: Int; let j: Int; let theta: Double; let etheta: Bool }
    struct Triple { let i: Int; let j: Int; let k: Int; let psi: Double }
    let pairs: [Pair]
    let likes: [Like]
    let triples: [Triple]
    let chlorideIndex: Int?
    let kcl: (b0: Double, b1: Double, cPhi: Double)

    static let b = 1.2

    /// The model of the species `names` with charges `charges`: every parameter of ``PitzerParameters`` for their pairs
    /// and triples evaluated at `kelvin`, with the slope A_φ at that temperature.
    public init(names: [String], charges: [Int], kelvin: Double, aPhi: Double) {
        self.names = names
        self.charges = charges
        self.aPhi = aPhi
        typealias P = PitzerParameters
        var pairs: [Pair] = [], likes: [Like] = [], triples: [Triple] = []
        var parameterized = Set<Int>()
        let n = names.count
        for i in 0..<n where charges[i] > 0 {
            for j in 0..<n where charges[j] < 0 {
                let key = P.pair(names[i], names[j])
                let b0 = P.beta0[key]?.value(at: kelvin), b1 = P.beta1[key]?.value(at: kelvin)
                let b2 = P.beta2[key]?.value(at: kelvin), cphi = P.cPhi[key]?.value(at: kelvin)
                guard b0 != nil || b1 != nil || b2 != nil || cphi != nil else { continue }
                let zc = abs(charges[i]), za = abs(charges[j])
                let order = (zc == 1 || za == 1) ? 1 : (zc == 2 && za == 2 ? 2 : 3)
                pairs.append(Pair(i: i, j: j, b0: b0 ?? 0, b1: b1 ?? 0, b2: b2 ?? 0,
                                  c: (cphi ?? 0) / (2 * Double(zc * za).squareRoot()),
                                  alpha1: order == 2 ? 1.4 : 2, alpha2: order == 3 ? 50 : 12))
                parameterized.insert(i); parameterized.insert(j)
            }
        }
        for i in 0..<n where charges[i] != 0 {
            for j in (i + 1)..<max(i + 1, n) where charges[j] != 0 && (charges[i] > 0) == (charges[j] > 0) {
                let theta = P.theta[P.pair(names[i], names[j])]?.value(at: kelvin)
                if theta != nil { parameterized.insert(i); parameterized.insert(j) }
                if theta != nil || charges[i] != charges[j] {
                    likes.append(Like(i: i, j: j, theta: theta ?? 0, etheta: charges[i] != charges[j]))
                }
                for k in 0..<n where charges[k] != 0 && (charges[k] > 0) != (charges[i] > 0) {
                    if let psi = P.psi[P.triple(names[i], names[j], names[k])]?.value(at: kelvin), psi != 0 {
                        triples.append(Triple(i: i, j: j, k: k, psi: psi))
                    }
                }
            }
        }
        self.pairs = pairs
        self.likes = likes
        self.triples = triples
        self.unparameterized = (0..<n).filter { charges[$0] != 0 && !parameterized.contains($0) }.map { names[$0] }
        self.chlorideIndex = names.firstIndex(of: "Cl")
        let kclKey = P.pair("K", "Cl")
        kcl = (P.beta0[kclKey]!.value(at: kelvin), P.beta1[kclKey]!.value(at: kelvin), P.cPhi[kclKey]!.value(at: kelvin))
    }

    /// ln γ of every species (MacInnes scale) and the osmotic coefficient, for molalities `m` (mol/kg).
    public func evaluate(molalities m: [Double]) -> (lnGamma: [Double], osmoticCoefficient: Double) {
        let n = names.count
        var ionic = 0.0, bigZ = 0.0, total = 0.0
        for i in 0..<n {
            ionic += 0.5 * m[i] * Double(charges[i] * charges[i])
            bigZ += m[i] * Double(abs(charges[i]))
            total += m[i]
        }
        var ln = [Double](repeating: 0, count: n)
        guard ionic > 0 else { return (ln, 1) }
        let sqrtI = ionic.squareRoot(), b = PitzerModel.b
        var f = -aPhi * (sqrtI / (1 + b * sqrtI) + 2 / b * Double.log(1 + b * sqrtI))
        var osm = -aPhi * ionic * sqrtI / (1 + b * sqrtI)
        var cSum = 0.0
        // Cation–anion terms.
        for p in pairs {
            let x1 = p.alpha1 * sqrtI, x2 = p.alpha2 * sqrtI
            let bmx = p.b0 + p.b1 * PitzerModel.g(x1) + p.b2 * PitzerModel.g(x2)
            let bprime = (p.b1 * PitzerModel.gPrime(x1) + p.b2 * PitzerModel.gPrime(x2)) / ionic
            let bphi = p.b0 + p.b1 * Double.exp(-x1) + p.b2 * Double.exp(-x2)
            let mm = m[p.i] * m[p.j]
            f += mm * bprime
            ln[p.i] += m[p.j] * (2 * bmx + bigZ * p.c)
            ln[p.j] += m[p.i] * (2 * bmx + bigZ * p.c)
            cSum += mm * p.c
            osm += mm * (bphi + bigZ * p.c)
        }
        // Like-charged pairs: θ and the unsymmetrical-mixing ᴱθ.
        for l in likes {
            var phi = l.theta, phiPrime = 0.0, phiPhi = l.theta
            if l.etheta {
                let (e, ep) = PitzerModel.etheta(zi: charges[l.i], zj: charges[l.j], ionic: ionic, aPhi: aPhi)
                phi += e; phiPrime = ep; phiPhi += e + ionic * ep
            }
            let mm = m[l.i] * m[l.j]
            f += mm * phiPrime
            ln[l.i] += 2 * m[l.j] * phi
            ln[l.j] += 2 * m[l.i] * phi
            osm += mm * phiPhi
        }
        for t in triples {
            ln[t.i] += m[t.j] * m[t.k] * t.psi
            ln[t.j] += m[t.i] * m[t.k] * t.psi
            ln[t.k] += m[t.i] * m[t.j] * t.psi
            osm += m[t.i] * m[t.j] * m[t.k] * t.psi
        }
        for i in 0..<n where charges[i] != 0 {
            let z = Double(abs(charges[i]))
            ln[i] += z * z * f + z * cSum
        }
        // MacInnes scale: ln γ_Cl → ln γ±(KCl) at the same I.
        let lnCl = chlorideIndex.map { ln[$0] } ?? (f + cSum)
        let x = 2 * sqrtI
        let gammaKCl = -aPhi * (sqrtI / (1 + b * sqrtI) + 2 / b * Double.log(1 + b * sqrtI))
            + 2 * ionic * kcl.b0 + 2 * ionic * kcl.b1 * (1 - (1 + x - x * x / 2) * Double.exp(-x)) / (x * x)
            + 1.5 * kcl.cPhi * ionic * ionic
        let shift = lnCl - gammaKCl
        for i in 0..<n where charges[i] != 0 { ln[i] += Double(charges[i]) * shift }
        return (ln, total > 0 ? 1 + 2 * osm / total : 1)
    }

    /// g(x) = 2[1 − (1 + x)e^{−x}]/x².
    static func g(_ x: Double) -> Double { x == 0 ? 1 : 2 * (1 - (1 + x) * Double.exp(-x)) / (x * x) }
    /// g'(x) as PHREEQC's GP: −2[1 − (1 + x + x²/2)e^{−x}]/x².
    static func gPrime(_ x: Double) -> Double { x == 0 ? 0 : -2 * (1 - (1 + x + x * x / 2) * Double.exp(-x)) / (x * x) }

    /// J(x) of Pitzer 1975 (eq. 47) and its derivative.
    static func jFunction(_ x: Double) -> (j: Double, jPrime: Double) {
        guard x > 0 else { return (0, 0) }
        let c1 = 4.581, c2 = 0.7237, c3 = 0.0120, c4 = 0.528
        let e = Double.exp(-c3 * Double.pow(x, c4))
        let xc2 = Double.pow(x, -c2)
        let d = 4 + c1 * xc2 * e
        let dPrime = c1 * e * xc2 * (-c2 / x - c3 * c4 * Double.pow(x, c4 - 1))
        return (x / d, 1 / d - x * dPrime / (d * d))
    }

    /// ᴱθ and ᴱθ' for a pair of like-signed ions of charges zi ≠ zj (Pitzer 1975, eqs. 21–23).
    static func etheta(zi: Int, zj: Int, ionic: Double, aPhi: Double) -> (Double, Double) {
        let zz = Double(zi * zj)
        let s = 6 * aPhi * ionic.squareRoot()
        let xij = s * zz, xii = s * Double(zi * zi), xjj = s * Double(zj * zj)
        let (jij, jpij) = jFunction(xij), (jii, jpii) = jFunction(xii), (jjj, jpjj) = jFunction(xjj)
        let e = zz / (4 * ionic) * (jij - 0.5 * jii - 0.5 * jjj)
        let ep = -e / ionic + zz / (8 * ionic * ionic) * (xij * jpij - 0.5 * xii * jpii - 0.5 * xjj * jpjj)
        return (e, ep)
    }
}
