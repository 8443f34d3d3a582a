import MembraneUnits
import MembranePhysics
import RealModule

extension PermeationLaw {
    /// The GHK permeability whose current has chord conductance `g` at V (Hille 2001, *Ion Channels of Excitable
    /// Membranes*, 3rd ed., ch. 14: the chord conductance I/(V − E) of a GHK current):
    ///
    ///     P = g·(V − E) / (zF·[c_in·k(u) − c_out·k(−u)]),   u = zV/(RT/F),   E = (RT/zF)·ln(c_out/c_in)
    ///
    /// (``GHKCurrent``: I = zFP·[c_in·k(u) − c_out·k(−u)]), so that the GHK channel passes exactly the ohmic channel's
    /// current g·(V − E) at V (the resting potential: the rest of the cell is unchanged by the switch) and reverses at
    /// the same E (zero flux). Within 1 nV of E the chord conductance is the slope conductance:
    /// P = g/(zF·∂[c_in·k(u) − c_out·k(−u)]/∂V). With c_in = c_out = c the GHK current is ohmic,
    /// I = (z²F²P·c/RT)·V, and P = g·(RT/F)/(z²F·c) at every V. `g` in S/m², V in volts, concentrations in mol/m³
    /// (mM); P in m/s.
    public static func ghkPermeability(chordConductance g: Double, at v: Double, valence z: Double, inside: Double,
                                       outside: Double, thermalVoltage vt: Double, faraday: Double) -> Double {
        let e = vt / z * Double.log(outside / inside)
        let u = z * v / vt
        if abs(v - e) > 1e-9 {
            return g * (v - e) / (z * faraday * (inside * GHKCurrent.kernel(u) - outside * GHKCurrent.kernel(-u)))
        }
        let slope = z / vt * (inside * GHKCurrent.kernelDerivative(u) + outside * GHKCurrent.kernelDerivative(-u))
        return g / (z * faraday * slope)
    }
}
