/*
 * Builds the preview: the real accountHealth source compiled by the LWC compiler, the real
 * base components from lightning-base-components, and stand-ins only for what needs an org
 * (Lightning Data Service, @salesforce/schema, toasts).
 */
import path from 'node:path';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import json from '@rollup/plugin-json';

const here = path.dirname(fileURLToPath(import.meta.url));
const lwcDir = path.join(here, '..', 'force-app', 'main', 'default', 'lwc');
const stubs = path.join(here, 'stubs');
const require = createRequire(import.meta.url);
const lbcRoot = path.dirname(require.resolve('lightning-base-components/package.json'));
/** lightning-base-components maps each scoped import it needs to a file (name → path records). */
const lbcScopedImports = new Map(
    JSON.parse(fs.readFileSync(path.join(lbcRoot, 'package.json'), 'utf8'))
        .lwc.modules.filter((m) => m.name && m.path && m.name.startsWith('@salesforce/'))
        .map((m) => [m.name, path.join(lbcRoot, m.path)])
);

const PREVIEW_OVERRIDES = {
    // Form-associated custom elements (ElementInternals) need native shadow DOM; the preview runs
    // synthetic shadow like Lightning Experience, so the combobox uses its non-internals path.
    '@salesforce/gate/bc.260.enableComboboxElementInternals': 'export default { isOpen: () => false };'
};

/**
 * @salesforce/schema/Account.Health_Score__c → { objectApiName, fieldApiName }, as on the platform.
 * Other @salesforce/* scoped imports (i18n, labels, ...) → the values lightning-base-components
 * ships for running outside an org (en-US, America/Los_Angeles, as in the jest tests).
 */
function salesforceScopedImports() {
    const PREFIX = '@salesforce/schema/';
    return {
        name: 'salesforce-scoped-imports',
        resolveId(id) {
            if (id.startsWith(PREFIX) || PREVIEW_OVERRIDES[id]) {
                return `\0${id}`;
            }
            if (id.startsWith('@salesforce/')) {
                if (lbcScopedImports.has(id)) {
                    return lbcScopedImports.get(id);
                }
                this.error(`No preview value for ${id}: add one to preview/rollup.config.mjs`);
            }
            return null;
        },
        load(id) {
            if (PREVIEW_OVERRIDES[id.slice(1)]) {
                return PREVIEW_OVERRIDES[id.slice(1)];
            }
            if (!id.startsWith(`\0${PREFIX}`)) {
                return null;
            }
            const [objectApiName, ...rest] = id.slice(PREFIX.length + 1).split('.');
            const value = rest.length ? { objectApiName, fieldApiName: rest.join('.') } : { objectApiName };
            return `export default ${JSON.stringify(value)};`;
        }
    };
}

/** Icon libraries the component never shows; stubbing them saves most of the build time. */
const UNUSED_ICON_LIBRARIES = [
    'lightning/iconSvgTemplatesAction',
    'lightning/iconSvgTemplatesCustom',
    'lightning/iconSvgTemplatesDoctype',
    'lightning/iconSvgTemplatesActionRtl',
    'lightning/iconSvgTemplatesCustomRtl',
    'lightning/iconSvgTemplatesDoctypeRtl',
    'lightning/iconSvgTemplatesStandardRtl',
    'lightning/iconSvgTemplatesUtilityRtl'
];

export default {
    input: path.join(here, 'src', 'main.js'),
    output: {
        dir: path.join(here, 'build'),
        format: 'esm',
        entryFileNames: 'main.js',
        chunkFileNames: 'chunks/[name]-[hash].js'
    },
    plugins: [
        salesforceScopedImports(),
        replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' } }),
        json({ preferConst: true }),
        lwc({
            rootDir: here,
            exclude: ['**/*.json'],
            modules: [
                { name: 'c/accountHealth', path: path.join(lwcDir, 'accountHealth', 'accountHealth.js') },
                { name: 'c/ldsErrors', path: path.join(lwcDir, 'ldsErrors', 'ldsErrors.js') },
                { name: 'lightning/uiRecordApi', path: path.join(stubs, 'lightning', 'uiRecordApi.js') },
                { name: 'lightning/uiObjectInfoApi', path: path.join(stubs, 'lightning', 'uiObjectInfoApi.js') },
                { name: 'lightning/platformShowToastEvent', path: path.join(stubs, 'lightning', 'platformShowToastEvent.js') },
                ...UNUSED_ICON_LIBRARIES.map((name) => ({ name, path: path.join(stubs, 'unusedIconLibrary.js') })),
                { npm: 'lightning-base-components' }
            ]
        })
    ],
    onwarn(warning, warn) {
        // Warnings about lightning-base-components' own templates are theirs, not ours.
        const where = `${warning.id || ''} ${warning.loc ? warning.loc.file : ''} ${warning.message}`;
        if (/node_modules[\\/]lightning-base-components/.test(where)) {
            return;
        }
        warn(warning);
    }
};
