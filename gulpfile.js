'use strict';

const path = require('path');
const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

// Fluent's buttons import ContextualMenu, and its tooltip hosts Tooltip, when they load,
// although a menu or a tooltip only shows once opened: point those two imports at the ones
// loaded on demand (lib/components/ui/LazyPopups.js), which keeps their code out of what a
// page downloads before its first render.
const LAZY_POPUPS = path.resolve(__dirname, 'lib/components/ui/LazyPopups.js');
const DEFERRED_IMPORTS = [
  { request: '../../ContextualMenu', issuer: '/@fluentui/react/lib/components/Button/BaseButton.js' },
  { request: './Tooltip', issuer: '/@fluentui/react/lib/components/Tooltip/TooltipHost.base.js' },
];
build.configureWebpack.mergeConfig({
  additionalConfiguration: (config) => {
    config.plugins.push({
      apply(compiler) {
        new compiler.webpack.NormalModuleReplacementPlugin(/./, (resource) => {
          const issuer = ((resource.contextInfo && resource.contextInfo.issuer) || '').replace(/\\/g, '/');
          if (DEFERRED_IMPORTS.some((d) => resource.request === d.request && issuer.endsWith(d.issuer))) resource.request = LAZY_POPUPS;
        }).apply(compiler);
      },
    });
    // PST_WEBPACK_STATS=file: webpack's module list of the build, to see what a chunk holds.
    if (process.env.PST_WEBPACK_STATS) {
      config.plugins.push({
        apply(compiler) {
          compiler.hooks.done.tap('pst-stats', (stats) => {
            const json = stats.toJson({ all: false, chunks: true, modules: true, nestedModules: true, source: true, ids: true });
            require('fs').writeFileSync(process.env.PST_WEBPACK_STATS, JSON.stringify(json));
          });
        },
      });
    }
    return config;
  },
});

build.initialize(require('gulp'));
