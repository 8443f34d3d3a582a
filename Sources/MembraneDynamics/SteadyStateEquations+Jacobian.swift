import MembraneNumerics
import RealModule

extension SteadyStateEquations {
    /// The exact Jacobian ∂F/∂x of ``residual(_:_:)`` in the unknowns x = (FV/RT, ln c₁ … ln cₙ, ln v̂), by the
    /// chain rule through the mechanisms' closed-form flux derivatives (the local Jacobian of
    /// ``CellModel/evaluateMembrane(_:potential:states:_:rates:partials:)``):
    ///
    ///     ∂c_l/∂ln c_l = c_l,   ∂V/∂x₀ = RT/F,   ∂v̂/∂ln v̂ = v̂,
    ///     finite bath c_out,l = (T_l − c_l·v̂)/(W − v̂):  ∂c_out,l/∂ln c_l = −c_l·v̂/(W − v̂),
    ///                                                 ∂c_out,l/∂ln v̂ = v̂·(T_l − c_l·W)/(W − v̂)²,
    ///
    /// and the charge and osmotic rows differentiated term by term. Newton then needs one flux evaluation and one
    /// Jacobian per iteration instead of n + 3 residuals (tested against central differences of the residual).
    func jacobian(_ x: [Double], _ jac: inout DenseMatrix) {
        // The local Jacobian (n + 2) × (3 + 2n) of the mechanisms and ∂c_out/∂ln v̂.
        let size = (n + 2) * (3 + 2 * n) + n
        system.withWorkspace { ws in
            if size <= 128 {
                withUnsafeTemporaryAllocation(of: Double.self, capacity: 128) { jacobian(x, &jac, ws, scratch: $0.baseAddress!) }
            } else {
                withUnsafeTemporaryAllocation(of: Double.self, capacity: size) { jacobian(x, &jac, ws, scratch: $0.baseAddress!) }
            }
        }
    }

    func jacobian(_ x: [Double], _ jac: inout DenseMatrix, _ ws: Workspace, scratch: UnsafeMutablePointer<Double>) {
        let n = self.n, m = n + 2, s = system
        let ci = ws.ci, co = ws.co, columns = 3 + 2 * n
        let partials = scratch, dcoDv = scratch + (n + 2) * columns
        // ∂Φⱼ/∂V, ∂Φⱼ/∂c_in,l, ∂Φⱼ/∂c_out,l from the local Jacobian (row j; columns V | c_in | c_out | …).
        func dPhidV(_ j: Int) -> Double { partials[j * columns] }
        func dPhidC(_ j: Int, _ l: Int) -> Double { partials[j * columns + 1 + l] }
        func dPhidCo(_ j: Int, _ l: Int) -> Double { partials[j * columns + 1 + n + l] }
        let vt = s.vt, potential = x[0] * vt
        let v = Double.exp(x[n + 1])
        let bathWater = s.waterTotal - v
        var sumZC = 0.0, sumC = 0.0, contents = abs(s.zX) * s.impermeantAmount
        for j in 0..<n {
            ci[j] = Double.exp(x[1 + j])
            co[j] = outside(j, ci[j], v)
            // ∂c_out,j/∂ln v̂ (zero for an infinite bath).
            dcoDv[j] = s.infiniteBath ? 0 : v * (totals[j] - ci[j] * s.waterTotal) / (bathWater * bathWater)
            sumZC += s.z[j] * ci[j]
            sumC += ci[j]
            contents += abs(s.z[j]) * ci[j] * v
        }
        s.evaluateMembrane(s.natural(volume: v), potential: potential, states: ws.rates, ws, rates: ws.rates,
                           partials: partials)
        jac.storage.withUnsafeMutableBufferPointer { out in
            for i in 0..<(m * m) { out[i] = 0 }
            // Flux rows (or the fixed amounts of ions nothing moves).
            for j in 0..<n {
                let row = (1 + j) * m
                if !pathway[j] {
                    out[row + 1 + j] = 1
                    out[row + n + 1] = 1
                    continue
                }
                let scale = 1 / fluxScale[j]
                out[row] = dPhidV(j) * vt * scale
                var dLogV = 0.0
                for l in 0..<n {
                    var d = dPhidC(j, l) * ci[l]
                    if !s.infiniteBath {
                        d -= dPhidCo(j, l) * ci[l] * v / bathWater
                        dLogV += dPhidCo(j, l) * dcoDv[l]
                    }
                    out[row + 1 + l] = d * scale
                }
                out[row + n + 1] = dLogV * scale
            }
            // Charge row: q = z_X·N_X + v̂·Σ zⱼcⱼ, so ∂q/∂ln cⱼ = zⱼcⱼv̂ and ∂q/∂ln v̂ = v̂·Σ zⱼcⱼ; divided by the scale S,
            // S = S₀ + C with the present contents C = |z_X|·N_X + v̂·Σ|zⱼ|cⱼ (then ∂(q̃/S)/∂x = (∂q̃/∂x)/S − q̃·(∂C/∂x)/S²,
            // ∂C/∂ln cⱼ = |zⱼ|cⱼv̂, ∂C/∂ln v̂ = C − |z_X|·N_X), or S₀ alone in the polish.
            let scale = residualChargeScale(contents: contents)
            let chargeFactor: Double
            if s.electroneutral {
                chargeFactor = 1 / scale
            } else if voltageScaledCharge {
                chargeFactor = s.kappa / vt
                out[0] = -1
            } else {
                chargeFactor = 1 / scale
                out[0] = -vt / (s.kappa * scale)
            }
            for j in 0..<n { out[1 + j] = chargeFactor * s.z[j] * ci[j] * v }
            out[n + 1] = chargeFactor * v * sumZC
            if s.electroneutral && chargeRelativeToPresentContents {
                var q = s.zX * s.impermeantAmount + v * sumZC
                if !s.electroneutral { q -= potential / s.kappa }
                let factor = q / (scale * scale)
                for j in 0..<n { out[1 + j] -= factor * abs(s.z[j]) * ci[j] * v }
                out[n + 1] -= factor * (contents - abs(s.zX) * s.impermeantAmount)
            }
            // Osmotic row: F = Osm_in/Osm_out − 1, Osm_in = N_X/v̂ + Σcⱼ,
            // Osm_out = fixed, or (N_X,out + Σ(Tⱼ − cⱼv̂))/(W − v̂).
            let osmIn = s.impermeantAmount / v + sumC
            let row = (n + 1) * m
            if s.infiniteBath {
                let osmOut = s.osmOutFixed
                for j in 0..<n { out[row + 1 + j] = ci[j] / osmOut }
                out[row + n + 1] = -s.impermeantAmount / v / osmOut
            } else {
                var bathOsmoles = s.outsideImpermeantAmount
                for j in 0..<n { bathOsmoles += totals[j] - ci[j] * v }
                let osmOut = bathOsmoles / bathWater
                // ∂Osm_out/∂ln cⱼ = −cⱼv̂/(W − v̂); ∂Osm_out/∂ln v̂ = v̂·(−Σc·(W − v̂) + bath osmoles)/(W − v̂)².
                let dOutDv = v * (-sumC * bathWater + bathOsmoles) / (bathWater * bathWater)
                let inverse = 1 / (osmOut * osmOut)
                for j in 0..<n {
                    let dOut = -ci[j] * v / bathWater
                    out[row + 1 + j] = (ci[j] * osmOut - osmIn * dOut) * inverse
                }
                out[row + n + 1] = (-s.impermeantAmount / v * osmOut - osmIn * dOutDv) * inverse
            }
        }
    }
}
