// diff-match-patch's WebJar is a CommonJS file: give it a `module` to export into, so loading it as a classic
// script defines window.diff_match_patch without an error (an inline shim would break the Content-Security-Policy).
window.module = window.module ?? { exports: {} };
