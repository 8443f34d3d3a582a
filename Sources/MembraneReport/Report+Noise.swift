import Membrane

/// The `noise` command's result: any of the thermal noise of a conductance (with its RC voltage noise), the shot
/// and thermal noise of a GHK channel population, and the binomial gating noise of N channels.
public struct NoiseReport: Renderable {
    public var thermal: ThermalNoise?
    public var ghk: GHKNoise?
    public var channels: ChannelNoise?
    public var conditions: Conditions

    public init(thermal: ThermalNoise?, ghk: GHKNoise?, channels: ChannelNoise?, conditions: Conditions) {
        self.thermal = thermal
        self.ghk = ghk
        self.channels = channels
        self.conditions = conditions
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("spectral_densities", .string("one-sided, A²/Hz (V²/Hz for voltage)"))]
        if let t = thermal {
            pairs += [
                ("conductance_nS", .number(t.conductance * 1e9)),
                ("current_psd_A2_per_Hz", .number(t.currentSpectralDensity)),
                ("current_rms_pA", .number(t.currentRMS.map { $0 * 1e12 })),
                ("bandwidth_Hz", .number(t.bandwidth ?? ghk?.bandwidth ?? channels?.bandwidth)),
                ("voltage_psd_V2_per_Hz", .number(t.voltageSpectralDensity)),
                ("capacitance_pF", .number(t.capacitance.map { $0 * 1e12 })),
                ("voltage_rms_uV", .number(t.voltageRMS.map { $0 * 1e6 })),
                ("voltage_variance_V2", .number(t.voltageVariance)),
                ("corner_frequency_Hz", .number(t.cornerFrequency)),
                ("voltage_rms_in_band_uV", .number(t.voltageVarianceInBand.map { $0.squareRoot() * 1e6 })),
                ("thermal_equation", .string("S_I = 4·k_B·T·G (Johnson 1928, Nyquist 1928); ⟨δV²⟩ = k_B·T/C")),
            ]
        }
        if let g = ghk {
            pairs += [
                ("ion", .string(g.ion.name)),
                ("vm_mV", .number(g.voltage.millivolts)),
                ("reversal_potential_mV", .number(g.reversal?.millivolts)),
                ("area_um2", .number(g.area * 1e12)),
                ("permeability_cm_per_s", .number(g.permeability.metresPerSecond * 100)),
                ("efflux_mol_per_m2_s", .number(g.efflux)),
                ("influx_mol_per_m2_s", .number(g.influx)),
                ("current_pA", .number(g.current * 1e12)),
                ("shot_psd_A2_per_Hz", .number(g.shotSpectralDensity)),
                ("slope_conductance_pS", .number(g.slopeConductance * 1e12)),
                ("thermal_psd_A2_per_Hz", .number(g.thermalSpectralDensity)),
                ("shot_to_thermal_ratio", .number(g.shotSpectralDensity / g.thermalSpectralDensity)),
                ("shot_to_one_way_ratio", .number(g.shotToOneWayRatio)),
                ("shot_rms_pA", .number(g.shotRMS.map { $0 * 1e12 })),
                ("thermal_slope_rms_pA", .number(g.thermalRMS.map { $0 * 1e12 })),
                ("shot_equation", .string("S_shot = 2·(z·e)²·N_A·(J_in + J_out)·area (Schottky 1918); thermal 4·k_B·T·dI/dV; equal at E_rev")),
            ]
        }
        if let c = channels {
            pairs += [
                ("channel_count", .integer(c.count)),
                ("open_probability", .number(c.openProbability)),
                ("unitary_current_pA", .number(c.unitaryCurrent * 1e12)),
                ("mean_current_pA", .number(c.meanCurrent * 1e12)),
                ("binomial_variance_pA2", .number(c.variance * 1e24)),
                ("binomial_rms_pA", .number(c.rms * 1e12)),
                ("channel_psd_at_zero_A2_per_Hz", .number(c.spectralDensityAtZero)),
                ("channel_corner_frequency_Hz", .number(c.cornerFrequency)),
                ("binomial_rms_in_band_pA", .number(c.varianceInBand.map { $0.squareRoot() * 1e12 })),
                ("binomial_equation", .string("σ² = N·p·(1 − p)·i²; Lorentzian S(f) = 4σ²τ/(1 + (2πfτ)²) (Neher & Stevens 1977)")),
            ]
        }
        pairs += conditionsFields(conditions)
        return .object(pairs)
    }

    public var text: String {
        var lines: [String] = []
        let kT = conditions.kT
        if let t = thermal {
            lines.append("Johnson–Nyquist noise of G = \(Format.significant(t.conductance * 1e9, 4)) nS: S_I = 4·k_B·T·G = \(Format.significant(t.currentSpectralDensity, 4)) A²/Hz (k_B·T = \(Format.significant(kT, 6)) J), one-sided and white")
            if let rms = t.currentRMS, let b = t.bandwidth {
                lines.append("  over 0–\(Format.significant(b, 4)) Hz: I_rms = √(4kTGB) = \(Format.significant(rms * 1e12, 4)) pA")
            }
            if let v = t.voltageRMS, let c = t.capacitance, let fc = t.cornerFrequency {
                lines.append("membrane RC (C = \(Format.significant(c * 1e12, 4)) pF, R = \(Format.significant(1e-9 / t.conductance, 4)) GΩ): ⟨δV²⟩ = k_B·T/C, V_rms = \(Format.significant(v * 1e6, 4)) µV over all frequencies (equipartition; independent of R), corner f_c = G/(2πC) = \(Format.significant(fc, 4)) Hz")
                if let inBand = t.voltageVarianceInBand, let b = t.bandwidth {
                    lines.append("  within 0–\(Format.significant(b, 4)) Hz: (2kT/πC)·arctan(B/f_c) → \(Format.significant(inBand.squareRoot() * 1e6, 4)) µV rms")
                }
            }
        }
        if let g = ghk {
            let e = g.reversal.map { "E_\(g.ion.name) = \(Format.signed($0.millivolts, 2)) mV" } ?? "no reversal potential (absent on one side)"
            lines.append("GHK \(g.ion.name) population at V_m = \(Format.signed(g.voltage.millivolts, 2)) mV (\(e)), P = \(Format.significant(g.permeability.metresPerSecond * 100, 4)) cm/s over \(Format.significant(g.area * 1e12, 4)) µm²:")
            lines.append("  one-way fluxes J_out = P·c_in·g(u) = \(Format.significant(g.efflux, 4)), J_in = P·c_out·g(−u) = \(Format.significant(g.influx, 4)) mol/(m²·s); net I = \(Format.significant(g.current * 1e12, 4)) pA (outward +)")
            lines.append("  shot noise 2·(z·e)²·N_A·(J_in + J_out)·A = \(Format.significant(g.shotSpectralDensity, 4)) A²/Hz")
            lines.append("  thermal noise of the slope conductance G = dI/dV = \(Format.significant(g.slopeConductance * 1e12, 4)) pS: 4·k_B·T·G = \(Format.significant(g.thermalSpectralDensity, 4)) A²/Hz")
            let ratio = g.shotSpectralDensity / g.thermalSpectralDensity
            lines.append("  shot/thermal = \(Format.significant(ratio, 6)) (1 exactly at E_rev, where detailed balance makes them one noise)"
                         + (g.shotToOneWayRatio.map { "; shot/(2·|z|·e·|I|) = coth(|z(V − E)|·F/2RT) = \(Format.significant($0, 6)) (→ 1 far from E_rev)" } ?? ""))
            if let s = g.shotRMS, let t = g.thermalRMS, let b = g.bandwidth {
                lines.append("  over 0–\(Format.significant(b, 4)) Hz: shot \(Format.significant(s * 1e12, 4)) pA rms, thermal \(Format.significant(t * 1e12, 4)) pA rms")
            }
        }
        if let c = channels {
            lines.append("gating (binomial) noise of N = \(c.count) channels, p_open = \(Format.significant(c.openProbability, 4)), i = \(Format.significant(c.unitaryCurrent * 1e12, 4)) pA: ⟨I⟩ = N·p·i = \(Format.significant(c.meanCurrent * 1e12, 4)) pA, σ² = N·p·(1 − p)·i² = \(Format.significant(c.variance * 1e24, 4)) pA² (σ = \(Format.significant(c.rms * 1e12, 4)) pA)")
            if let s0 = c.spectralDensityAtZero, let fc = c.cornerFrequency {
                lines.append("  Lorentzian S(0) = 4σ²τ = \(Format.significant(s0, 4)) A²/Hz, corner 1/(2πτ) = \(Format.significant(fc, 4)) Hz"
                             + (c.varianceInBand.map { ", \(Format.significant($0.squareRoot() * 1e12, 4)) pA rms within the bandwidth" } ?? ""))
            }
        }
        lines.append(conditionsLine(conditions))
        return lines.joined(separator: "\n")
    }
}
