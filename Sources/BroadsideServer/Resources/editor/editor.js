// The editor's interface: see docs/EDITING-DESIGN.md.
"use strict";
