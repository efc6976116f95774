/*
 * Checks the SFDX metadata against the contract the Java adapter and the LWC rely on:
 * exact field API names and types, restricted picklist values, the Task idempotency key,
 * least-privilege permission sets, the validation rule and the record page.
 * Reads only files of this project.
 */
const fs = require('fs');
const path = require('path');
import { BAND_LABELS, OVERRIDE_BANDS } from '../force-app/main/default/lwc/accountHealth/healthViewModel';

const ROOT = path.join(__dirname, '..', 'force-app', 'main', 'default');

function parse(relativePath) {
    const xml = fs.readFileSync(path.join(ROOT, relativePath), 'utf8');
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    return doc.documentElement;
}

const child = (node, name) => [...node.children].find((c) => c.tagName === name);
const textOf = (node, name) => {
    const c = child(node, name);
    return c ? c.textContent.trim() : undefined;
};
const children = (node, name) => [...node.children].filter((c) => c.tagName === name);

function field(object, name) {
    return parse(`objects/${object}/fields/${name}.field-meta.xml`);
}

function picklistValues(object, name) {
    const valueSet = child(field(object, name), 'valueSet');
    expect(textOf(valueSet, 'restricted')).toBe('true');
    return children(child(valueSet, 'valueSetDefinition'), 'value').map((v) => [textOf(v, 'fullName'), textOf(v, 'label')]);
}

const ACCOUNT_FIELDS = {
    Health_Score__c: { type: 'Number', precision: '3', scale: '0' },
    Health_Band__c: { type: 'Picklist' },
    Health_Band_Since__c: { type: 'Date' },
    Health_Red_Since__c: { type: 'Date' },
    Health_Trend__c: { type: 'Picklist' },
    Health_Score_Change__c: { type: 'Number', precision: '4', scale: '0' },
    Health_Confidence__c: { type: 'Number', precision: '3', scale: '0' },
    Health_Drivers__c: { type: 'LongTextArea', length: '4000' },
    Health_Sub_Scores__c: { type: 'LongTextArea', length: '2000' },
    Health_History__c: { type: 'LongTextArea', length: '1000' },
    Health_Conversation_Signals__c: { type: 'LongTextArea', length: '1000' },
    Health_Scored_At__c: { type: 'DateTime' },
    Health_Model_Version__c: { type: 'Text', length: '40' },
    Health_Expansion_Score__c: { type: 'Number', precision: '3', scale: '0' },
    // Number(5,1) in Salesforce's notation: 5 digits before the point, 1 after → precision 6
    Health_Attention_Priority__c: { type: 'Number', precision: '6', scale: '1' },
    Health_Override_Band__c: { type: 'Picklist' },
    Health_Override_Reason__c: { type: 'Text', length: '255' },
    Health_Override_Expires__c: { type: 'Date' },
    Churn_Date__c: { type: 'Date' },
    // Currency(16,2): 16 digits before the point, 2 after → precision 18
    ARR__c: { type: 'Currency', precision: '18', scale: '2' },
    Customer_Since__c: { type: 'Date' },
    Customer_Segment__c: { type: 'Picklist' },
    Customer_Tier__c: { type: 'Text', length: '40' }
};

const OVERRIDE_FIELDS = ['Health_Override_Band__c', 'Health_Override_Expires__c', 'Health_Override_Reason__c'];
const HEALTH_FIELDS = Object.keys(ACCOUNT_FIELDS).filter((f) => f.startsWith('Health_'));
const WRITTEN_BY_RUN = HEALTH_FIELDS.filter((f) => !OVERRIDE_FIELDS.includes(f));
const CRM_INPUTS = ['Account.ARR__c', 'Account.Customer_Since__c', 'Account.Customer_Segment__c', 'Account.Customer_Tier__c', 'Contact.Health_Stakeholder_Role__c', 'Contact.Health_Left_Company__c'];

describe('sfdx-project.json', () => {
    it('uses API version 65.0 and force-app', () => {
        const project = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'sfdx-project.json'), 'utf8'));
        expect(project.sourceApiVersion).toBe('65.0');
        expect(project.packageDirectories).toEqual([{ path: 'force-app', default: true }]);
    });
});

describe('Account fields', () => {
    it('ships exactly the contract fields', () => {
        const files = fs.readdirSync(path.join(ROOT, 'objects/Account/fields')).map((f) => f.replace('.field-meta.xml', ''));
        expect(files.sort()).toEqual(Object.keys(ACCOUNT_FIELDS).sort());
    });

    it.each(Object.entries(ACCOUNT_FIELDS))('%s has the agreed type, size, description and help text', (name, spec) => {
        const f = field('Account', name);
        expect(textOf(f, 'fullName')).toBe(name);
        expect(textOf(f, 'type')).toBe(spec.type);
        ['precision', 'scale', 'length'].forEach((k) => {
            if (spec[k]) {
                expect(textOf(f, k)).toBe(spec[k]);
            }
        });
        expect(textOf(f, 'description').length).toBeGreaterThan(20);
        expect(textOf(f, 'description').length).toBeLessThanOrEqual(1000);
        expect(textOf(f, 'inlineHelpText').length).toBeGreaterThan(10);
        expect(textOf(f, 'inlineHelpText').length).toBeLessThanOrEqual(510);
    });

    it('restricts the band picklist to the values and labels the LWC knows', () => {
        expect(picklistValues('Account', 'Health_Band__c')).toEqual(Object.entries(BAND_LABELS));
        expect(picklistValues('Account', 'Health_Override_Band__c')).toEqual(OVERRIDE_BANDS.map((b) => [b, BAND_LABELS[b]]));
    });

    it('restricts trend and segment picklists', () => {
        expect(picklistValues('Account', 'Health_Trend__c').map(([v]) => v)).toEqual(['improving', 'stable', 'declining', 'new']);
        expect(picklistValues('Account', 'Customer_Segment__c').map(([v]) => v)).toEqual(['smb', 'mid_market', 'enterprise']);
    });
});

describe('Contact fields', () => {
    it('ship the stakeholder role and left-company flag', () => {
        expect(picklistValues('Contact', 'Health_Stakeholder_Role__c').map(([v]) => v)).toEqual([
            'champion',
            'executive_sponsor',
            'economic_buyer',
            'user'
        ]);
        expect(textOf(field('Contact', 'Health_Left_Company__c'), 'type')).toBe('Checkbox');
    });
});

describe('Task idempotency key', () => {
    it('is a unique, case-sensitive external ID of 120 characters on Activity (Task)', () => {
        const f = field('Activity', 'Health_Task_Key__c');
        expect(textOf(f, 'type')).toBe('Text');
        expect(textOf(f, 'length')).toBe('120');
        expect(textOf(f, 'externalId')).toBe('true');
        expect(textOf(f, 'unique')).toBe('true');
        expect(textOf(f, 'caseSensitive')).toBe('true');
    });
});

describe('validation rules', () => {
    it('require a reason and an expiry with an override band', () => {
        const rule = parse('objects/Account/validationRules/Health_Override_Needs_Reason_And_Expiry.validationRule-meta.xml');
        expect(textOf(rule, 'active')).toBe('true');
        const formula = textOf(rule, 'errorConditionFormula');
        OVERRIDE_FIELDS.forEach((f) => expect(formula).toContain(f));
        // only when the override changes, so the run's own updates never trip on old data
        expect(formula).toContain('ISCHANGED(Health_Override_Band__c)');
    });

    it('refuse a newly set expiry in the past', () => {
        const rule = parse('objects/Account/validationRules/Health_Override_Expiry_Not_In_Past.validationRule-meta.xml');
        expect(textOf(rule, 'errorConditionFormula')).toContain('Health_Override_Expires__c < TODAY()');
    });
});

function permissionSet(name) {
    const ps = parse(`permissionsets/${name}.permissionset-meta.xml`);
    const fields = Object.fromEntries(
        children(ps, 'fieldPermissions').map((p) => [
            textOf(p, 'field'),
            { read: textOf(p, 'readable') === 'true', edit: textOf(p, 'editable') === 'true' }
        ])
    );
    const objects = Object.fromEntries(
        children(ps, 'objectPermissions').map((p) => [
            textOf(p, 'object'),
            Object.fromEntries([...p.children].filter((c) => c.tagName !== 'object').map((c) => [c.tagName, c.textContent.trim() === 'true']))
        ])
    );
    const userPermissions = children(ps, 'userPermissions')
        .filter((p) => textOf(p, 'enabled') === 'true')
        .map((p) => textOf(p, 'name'));
    return { ps, fields, objects, userPermissions };
}

function existingField(qualified) {
    const [object, name] = qualified.split('.');
    const folder = object === 'Task' || object === 'Event' ? 'Activity' : object;
    return fs.existsSync(path.join(ROOT, 'objects', folder, 'fields', `${name}.field-meta.xml`));
}

describe('Health_Score_Integration permission set', () => {
    const { fields, objects, userPermissions } = permissionSet('Health_Score_Integration');

    // standard fields the Java adapter reads (functions/salesforce AccountQueries); a minimum-access
    // integration user needs them granted, read-only
    const STANDARD_READ = ['Account.NumberOfEmployees', 'Case.Priority', 'Event.Type', 'Opportunity.Amount', 'Task.Type'];

    it('references only fields this project ships, plus the standard fields the adapter reads', () => {
        Object.keys(fields)
            .filter((f) => !STANDARD_READ.includes(f))
            .forEach((f) => expect([f, existingField(f)]).toEqual([f, true]));
    });

    it('grants the standard fields the adapter reads, read-only', () => {
        STANDARD_READ.forEach((f) => expect([f, fields[f]]).toEqual([f, { read: true, edit: false }]));
    });

    it('reads and edits every Health_* field the run writes', () => {
        WRITTEN_BY_RUN.forEach((f) => expect([f, fields[`Account.${f}`]]).toEqual([f, { read: true, edit: true }]));
    });

    it('can only read the CSM override, the churn date and the CRM inputs', () => {
        [...OVERRIDE_FIELDS.map((f) => `Account.${f}`), 'Account.Churn_Date__c', ...CRM_INPUTS].forEach((f) =>
            expect([f, fields[f]]).toEqual([f, { read: true, edit: false }])
        );
    });

    it('edits the Task key', () => {
        expect(fields['Task.Health_Task_Key__c']).toEqual({ read: true, edit: true });
    });

    it('reads the CRM objects, edits only Account, deletes nothing and has no View All or Modify All', () => {
        expect(Object.keys(objects).sort()).toEqual(['Account', 'Case', 'Contact', 'Opportunity']);
        Object.entries(objects).forEach(([object, p]) => {
            expect([object, p.allowRead, p.allowDelete, p.allowCreate, p.viewAllRecords, p.modifyAllRecords]).toEqual([
                object,
                true,
                false,
                false,
                false,
                false
            ]);
            expect([object, p.allowEdit]).toEqual([object, object === 'Account']);
        });
    });

    it('enables only API access and Edit Tasks (Tasks have no object permissions)', () => {
        expect(userPermissions.sort()).toEqual(['ApiEnabled', 'EditTask']);
    });
});

describe('Health_Score_CSM permission set', () => {
    const { fields, objects, userPermissions } = permissionSet('Health_Score_CSM');

    // standard fields the Java adapter reads (functions/salesforce AccountQueries); a minimum-access
    // integration user needs them granted, read-only
    const STANDARD_READ = ['Account.NumberOfEmployees', 'Case.Priority', 'Event.Type', 'Opportunity.Amount', 'Task.Type'];

    it('references only fields this project ships, plus the standard fields the adapter reads', () => {
        Object.keys(fields)
            .filter((f) => !STANDARD_READ.includes(f))
            .forEach((f) => expect([f, existingField(f)]).toEqual([f, true]));
    });

    it('grants none of the standard fields the integration reads', () => {
        STANDARD_READ.forEach((f) => expect([f, fields[f]]).toEqual([f, undefined]));
    });

    it('reads every Health_* field and edits only the three override fields', () => {
        HEALTH_FIELDS.forEach((f) =>
            expect([f, fields[`Account.${f}`]]).toEqual([f, { read: true, edit: OVERRIDE_FIELDS.includes(f) }])
        );
        const editable = Object.entries(fields).filter(([, p]) => p.edit).map(([f]) => f).sort();
        expect(editable).toEqual(OVERRIDE_FIELDS.map((f) => `Account.${f}`));
    });

    it('needs Account edit for the override and grants nothing broader', () => {
        expect(objects).toEqual({
            Account: {
                allowCreate: false,
                allowDelete: false,
                allowEdit: true,
                allowRead: true,
                modifyAllRecords: false,
                viewAllRecords: false
            }
        });
        expect(userPermissions).toEqual([]);
    });
});

describe('accountHealth component', () => {
    const source = fs.readFileSync(path.join(ROOT, 'lwc/accountHealth/accountHealth.js'), 'utf8');
    const imported = [...source.matchAll(/@salesforce\/schema\/Account\.(\w+)/g)].map((m) => m[1]).filter((f) => f !== 'Id');

    it('imports only Account fields this project ships, through @salesforce/schema', () => {
        expect(imported.length).toBeGreaterThan(10);
        imported.forEach((f) => expect([f, existingField(`Account.${f}`)]).toEqual([f, true]));
    });

    it('uses Lightning Data Service only, no Apex', () => {
        expect(source).not.toMatch(/@salesforce\/apex/);
        expect(source).toMatch(/from 'lightning\/uiRecordApi'/);
    });

    it('is exposed on Account record pages', () => {
        const meta = parse('lwc/accountHealth/accountHealth.js-meta.xml');
        expect(textOf(meta, 'apiVersion')).toBe('65.0');
        expect(textOf(meta, 'isExposed')).toBe('true');
        const config = child(child(meta, 'targetConfigs'), 'targetConfig');
        expect(config.getAttribute('targets')).toBe('lightning__RecordPage');
        expect(child(config, 'objects').textContent.trim()).toBe('Account');
    });
});

describe('Account_Health_Record_Page', () => {
    it('puts the component first in the sidebar of an Account record page', () => {
        const page = parse('flexipages/Account_Health_Record_Page.flexipage-meta.xml');
        expect(textOf(page, 'sobjectType')).toBe('Account');
        expect(textOf(page, 'type')).toBe('RecordPage');
        const sidebar = children(page, 'flexiPageRegions').find((r) => textOf(r, 'name') === 'sidebar');
        const first = child(child(children(sidebar, 'itemInstances')[0], 'componentInstance'), 'componentName');
        expect(first.textContent.trim()).toBe('accountHealth');
    });
});
