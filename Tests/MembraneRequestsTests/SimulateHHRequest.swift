import Foundation
import Membrane
import MembraneRequests

/// `simulate/hh` through the request layer, as the command line and `POST /api/simulate/hh` run it: the JSON answer
/// as a dictionary, or the error a body is refused with. Shared by the tests of the presets with their own models.
enum SimulateHH {
    /// The answer to `body` (with `figure`, as when a figure or CSV is asked for: every step recorded).
    static func json(_ body: String, figure: Bool = false) throws -> [String: Any] {
        var context = RequestContext()
        context.wantsFigure = figure
        let result = try RequestCatalog.run(command: "simulate/hh", body: body, context: &context)
        return try JSONSerialization.jsonObject(with: Data(result.json.render().utf8)) as! [String: Any]
    }

    /// The ``MembraneError`` `body` is refused with, or nil when it runs (or fails otherwise).
    static func error(_ body: String) -> MembraneError? {
        var context = RequestContext()
        do { _ = try RequestCatalog.run(command: "simulate/hh", body: body, context: &context) } catch let e as MembraneError { return e } catch {}
        return nil
    }
}
