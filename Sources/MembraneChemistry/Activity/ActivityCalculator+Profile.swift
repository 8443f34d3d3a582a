import MembraneUnits
import RealModule

extension ActivityCalculator {
    /// A fast ln γ evaluator for a fixed set of species whose composition varies (e.g. along a liquid
    /// junction): the model's per-ion laws (or the Pitzer model) are built once; each call takes the
    /// species' concentrations in mM and returns ln γᵢ, without warnings or the osmotic coefficient.
    /// Molalities are c/ρ_w, as in ``IonicComposition``; fallbacks are those of ``coefficients(ions:molalities:)``.
    public func logGammaFunction(for ions: [Ion]) -> ([Double]) -> [Double] {
        let rho = WaterProperties.density(temperature)   // kg/m³
        let charges = ions.map(\.charge)
        let toMolal: ([Double]) -> [Double] = { c in c.map { $0 / rho } }   // mol/m³ ÷ kg/m³ = mol/kg
        switch model {
        case .ideal:
            return { c in [Double](repeating: 0, count: c.count) }
        case .pitzer:
            let dh = DebyeHuckelParameters(temperature: temperature)
            let pitzer = PitzerModel(names: ions.map(\.name), charges: charges, kelvin: temperature.kelvin, aPhi: dh.aPhi)
            return { c in pitzer.evaluate(molalities: toMolal(c)).lnGamma }
        default:
            let dh = DebyeHuckelParameters(temperature: temperature)
            let laws = ions.map { logGammaLaw($0, dh: dh).f }
            let ln10 = Double.log(10)
            return { c in
                let m = toMolal(c)
                let sqrtI = IonicComposition.ionicStrength(charges: charges, molalities: m).squareRoot()
                return laws.map { ln10 * $0(sqrtI) }
            }
        }
    }
}
