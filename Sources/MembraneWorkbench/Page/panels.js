// The registry of panels, in the order of the navigation. Adding a panel is one module (see kit.js for what
// it exports) and one line here; the server embeds the new file with the others.

import ghk from './panel-ghk.js';
import iv from './panel-iv.js';
import solutions from './panel-solutions.js';
import ljp from './panel-ljp.js';
import donnan from './panel-donnan.js';
import pumpLeak from './panel-pumpleak.js';
import hh from './panel-hh.js';
import microdomain from './panel-microdomain.js';
import noise from './panel-noise.js';
import pmf from './panel-pmf.js';
import plant from './panel-plant.js';
import lesson from './panel-lesson.js';

export const panels = [ghk, iv, solutions, ljp, donnan, pumpLeak, hh, microdomain, noise, pmf, plant, lesson];
