// El catálogo en español: las mismas claves que en.js, con los textos en español. Sections are added in en.js's
// order; a test fails when a key of one catalog is missing from the other.
export default {
  culture: {
  },

  rollup: {
  },

  report: {
  },

  exports: {
  },

  calendar: {
  },
};
