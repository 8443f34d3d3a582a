import MembraneNumerics

extension CellModel {
    /// The exact Jacobian ∂f/∂y by the chain rule through the natural variables x = (V, c_in, c_out, Osm_in, Osm_out,
    /// s): J = (∂f/∂x)·(∂x/∂y).
    ///
    /// ∂f/∂x comes from the mechanisms' closed-form partial derivatives (the local Jacobian of
    /// `evaluateMembrane(_:potential:states:_:rates:partials:)`); ∂x/∂y is exact too: c = N/v̂ and
    /// c_out = B/(W − v̂) with the volume's dependence on the amounts (instantaneous water) or on v̂ (osmotic water),
    /// V = κ·(Σ zⱼNⱼ + z_X·N_X) + V_other, or, electroneutral, ∂V/∂y = −(∂I/∂x)(∂x/∂y)/(∂I/∂V) from Σ zF·Φ = 0. (Plain finite
    /// differences in the amounts would be badly scaled: V = F·w·q/(C·A) turns a relative change of 10⁻⁸ in an amount
    /// into tens of millivolts.) One scratch allocation on the stack, no heap.
    public func jacobian(at t: Double, state y: [Double], into jac: inout DenseMatrix) -> Bool {
        let d = dimension, n = self.n, g = stateCount
        let size = (n + 2 + g) * (3 + 2 * n + g) + liveColumns.count * d + 2 * d
        func run(_ buffer: UnsafeMutableBufferPointer<Double>) {
            withWorkspace { ws in
                y.withUnsafeBufferPointer { yp in
                    jac.storage.withUnsafeMutableBufferPointer { out in
                        assemble(t, yp.baseAddress!, out.baseAddress!, ws, buffer.baseAddress!)
                    }
                }
            }
        }
        // A constant capacity of 1 KiB for the usual few ions and gates: larger temporary allocations ask the runtime
        // whether the stack has room (and may fall back to the heap) on every call.
        if size <= 128 {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 128, run)
        } else {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: size, run)
        }
        return true
    }

    /// ∂f/∂t: only a stimulus's slope (a ramp) makes f depend on t explicitly.
    public func timeDerivative(at t: Double, state y: [Double], into dfdt: inout [Double]) -> Bool {
        for i in 0..<dfdt.count { dfdt[i] = 0 }
        guard otherIndex >= 0 else { return true }
        var slope = 0.0
        for (k, s) in stimuli.enumerated() {
            switch s {
            case .currentClamp: slope += pieces[k].slope
            case .voltageClamp(_, let g): slope += g.siemensPerSquareMetre * pieces[k].slope
            }
        }
        dfdt[otherIndex] = slope / capacitance
        return true
    }

    /// J into `out` (d × d, row-major) with `scratch` for the local Jacobian D, ∂x/∂y of the live natural variables
    /// (``liveColumns``) and two d-vectors.
    func assemble(_ t: Double, _ y: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ ws: Workspace,
                  _ scratch: UnsafeMutablePointer<Double>) {
        // The dimension and the number of ions as constants for the usual small cells (the loops over them
        // unrolled), else as variables.
        if n == 3 && dimension == 3 {
            assemble(t, y, out, ws, scratch, dimension: 3, ions: 3)
        } else if n == 3 && dimension == 4 {
            assemble(t, y, out, ws, scratch, dimension: 4, ions: 3)
        } else {
            assemble(t, y, out, ws, scratch, dimension: dimension, ions: n)
        }
    }

    @inline(__always)
    func assemble(_ t: Double, _ y: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ ws: Workspace,
                  _ scratch: UnsafeMutablePointer<Double>, dimension d: Int, ions n: Int) {
        let g = stateCount
        let columns = 3 + 2 * n + g
        let live = liveColumns.count
        let partials = scratch, dx = scratch + (n + 2 + g) * columns, dVolume = dx + live * d, row = dVolume + d
        let natural = naturalVariables(y, ws, ions: n)
        evaluateMembrane(natural, potential: natural.potential, states: y + stateOffset, ws, rates: ws.rates,
                         partials: partials, ions: n)
        let v = natural.volume, inverseVolume = 1 / v, bathWater = natural.bathWater
        // The index tables read in place (no bounds checks in the loops below; every index was made by the compiler
        // of the model).
        withIndexTables { cellIndex, bathIndex, z, liveColumns, liveRows in
            // ∂v̂/∂y.
            clear(dVolume, count: d)
            switch volume {
            case .constant: break
            case .dynamic(let index): dVolume[index] = 1
            case .instantaneous:
                if infiniteBath {
                    for j in 0..<n where cellIndex[j] >= 0 { dVolume[cellIndex[j]] = 1 / osmOutFixed }
                } else {
                    var cell = impermeantAmount, bath = outsideImpermeantAmount
                    for j in 0..<n where cellIndex[j] >= 0 { cell += y[cellIndex[j]]; bath += y[bathIndex[j]] }
                    let s = (cell + bath) * (cell + bath)
                    for j in 0..<n where cellIndex[j] >= 0 {
                        dVolume[cellIndex[j]] = waterTotal * bath / s
                        dVolume[bathIndex[j]] = -waterTotal * cell / s
                    }
                }
            }
            // ∂x/∂y of each live natural variable (row p of dx for column liveColumns[p]); V (p = 0) last.
            clear(dx, count: live &* d)
            for p in 1..<live {
                let c = liveColumns[p], r = dx + p &* d
                if c <= n {
                    // ∂c_l/∂y_m = δ_lm/v̂ − N_l/v̂²·∂v̂/∂y_m.
                    let index = cellIndex[c &- 1], factor = -y[index] * inverseVolume * inverseVolume
                    for m in 0..<d { r[m] = factor * dVolume[m] }
                    r[index] += inverseVolume
                } else if c <= 2 &* n {
                    // ∂c_out,l/∂y_m = δ/(W − v̂) + B_l/(W − v̂)²·∂v̂/∂y_m.
                    let index = bathIndex[c &- 1 &- n], factor = y[index] / (bathWater * bathWater)
                    for m in 0..<d { r[m] = factor * dVolume[m] }
                    r[index] += 1 / bathWater
                } else if c == 1 &+ 2 &* n {
                    // Osm_in = (N_X + ΣN)/v̂ (+ held ions).
                    var solutes = impermeantAmount
                    for j in 0..<n where cellIndex[j] >= 0 { solutes += y[cellIndex[j]]; r[cellIndex[j]] = inverseVolume }
                    let factor = -solutes * inverseVolume * inverseVolume
                    for m in 0..<d { r[m] += factor * dVolume[m] }
                } else if c == 2 &+ 2 &* n {
                    // Osm_out = (N_X,out + ΣB)/(W − v̂).
                    var solutes = outsideImpermeantAmount
                    for j in 0..<n where bathIndex[j] >= 0 { solutes += y[bathIndex[j]]; r[bathIndex[j]] = 1 / bathWater }
                    let factor = solutes / (bathWater * bathWater)
                    for m in 0..<d { r[m] += factor * dVolume[m] }
                } else {
                    r[stateOffset &+ c &- 3 &- 2 &* n] = 1
                }
            }
            if electroneutral {
                // Σ zF·Φ(V, x) + I_x = 0 ⇒ ∂V/∂y = −Σ_c (∂I/∂x_c)(∂x_c/∂y)/(∂I/∂V).
                func currentDerivative(_ c: Int) -> Double {
                    var dI = partials[n &* columns &+ c]
                    for j in 0..<n { dI += faraday * z[j] * partials[j &* columns &+ c] }
                    return dI
                }
                let slope = currentDerivative(0)
                clear(row, count: d)
                for p in 1..<live {
                    let dI = currentDerivative(liveColumns[p])
                    if dI == 0 { continue }
                    let r = dx + p &* d
                    for m in 0..<d { row[m] -= dI * r[m] }
                }
                for m in 0..<d { dx[m] = row[m] / slope }
            } else {
                for j in 0..<n where cellIndex[j] >= 0 { dx[cellIndex[j]] = kappa * z[j] }
                if otherIndex >= 0 { dx[otherIndex] = 1 }
            }
            // J = D·(∂x/∂y), row by row of D, each mapped to the rows of f it feeds.
            clear(out, count: d &* d)
            let sigma = self.sigma
            for r in liveRows {
                clear(row, count: d)
                let drow = partials + r &* columns
                for p in 0..<live {
                    let a = drow[liveColumns[p]]
                    if a == 0 { continue }
                    let xrow = dx + p &* d
                    for m in 0..<d { row[m] += a * xrow[m] }
                }
                if r < n {
                    let c = cellIndex[r], b = bathIndex[r]
                    if c >= 0 {
                        let target = out + c &* d
                        for m in 0..<d { target[m] = -sigma * row[m] }
                    } else if otherIndex >= 0 {
                        let factor = -faraday * z[r] / capacitance, target = out + otherIndex &* d
                        for m in 0..<d { target[m] += factor * row[m] }
                    }
                    if b >= 0 {
                        let target = out + b &* d
                        for m in 0..<d { target[m] = sigma * row[m] }
                    }
                } else if r == n {
                    let target = out + otherIndex &* d
                    for m in 0..<d { target[m] -= row[m] / capacitance }
                } else if r == n &+ 1 {
                    if case .dynamic(let index) = volume {
                        let target = out + index &* d
                        for m in 0..<d { target[m] = sigma * row[m] }
                    }
                } else {
                    let target = out + (stateOffset &+ (r &- n &- 2)) &* d
                    for m in 0..<d { target[m] = row[m] }
                }
            }
        }
        if !exchangeTerms.isEmpty { addExchangeJacobian(y, water: bathWater, dVolume: dVolume, out, dimension: d) }
        // A voltage clamp injects g_s·(V_cmd − V): ∂/∂y = −g_s·∂V/∂y.
        if otherIndex >= 0 {
            var clamp = 0.0
            for s in stimuli { if case .voltageClamp(_, let gs) = s { clamp += gs.siemensPerSquareMetre } }
            if clamp > 0 {
                for m in 0..<d { out[otherIndex * d + m] -= clamp / capacitance * dx[m] }
            }
        }
    }

    /// Calls `body` with the index tables of the compiled model read in place: cellIndex, bathIndex, z, liveColumns,
    /// liveRows.
    @inline(__always)
    func withIndexTables<R>(_ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Double>,
                                     UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>) -> R) -> R {
        let box = compiled
        return box.value.cellIndex.withUnsafeBufferPointer { cellIndex in
            box.value.bathIndex.withUnsafeBufferPointer { bathIndex in
                box.value.z.withUnsafeBufferPointer { z in
                    box.value.liveColumns.withUnsafeBufferPointer { liveColumns in
                        box.value.liveRows.withUnsafeBufferPointer { liveRows in
                            body(cellIndex, bathIndex, z, liveColumns, liveRows)
                        }
                    }
                }
            }
        }
    }
}
