import Membrane
import MembraneReport

/// `presets`: the built-in cell presets and pump–leak models, with their temperatures and sources.
public struct PresetsRequest: MembraneRequest {
    public static let command = "presets"

    /// No fields: any key is unknown.
    public enum CodingKeys: CodingKey, CaseIterable {}

    public init() {}
    public init(from decoder: any Decoder) throws { _ = try decoder.container(keyedBy: CodingKeys.self) }
    public func encode(to encoder: any Encoder) throws { _ = encoder.container(keyedBy: CodingKeys.self) }

    public func run(in context: inout RequestContext) throws -> PresetList {
        var list = PresetList(presets: CellPreset.all, models: Scenario.pumpLeakPresets, excitable: ScenarioPreset.excitable, hubelUllah: true)
        list.luoRudy = true
        list.cressman = true
        list.weiUllahSchiff = true
        return list
    }
}
