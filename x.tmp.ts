import { buildPage } from './src/node/local/pageServer';
buildPage('/tmp/pp', { minify: false }).then(() => console.log('ok'));
