import { reduceErrors } from 'c/ldsErrors';

describe('reduceErrors', () => {
    it('reads UI API read errors (array body)', () => {
        expect(
            reduceErrors({ status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] })
        ).toEqual(['The requested resource does not exist']);
    });

    it('prefers record and field errors of a UI API write over the generic message', () => {
        const error = {
            body: {
                message: 'An error occurred while trying to update the record. Please try again.',
                output: {
                    errors: [{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'Insufficient access' }],
                    fieldErrors: {
                        Health_Override_Expires__c: [{ message: 'An override needs a reason and an expiry date.' }]
                    }
                }
            }
        };
        expect(reduceErrors(error)).toEqual(['Insufficient access', 'An override needs a reason and an expiry date.']);
    });

    it('falls back to body.message, then the JS message, then statusText', () => {
        expect(reduceErrors({ body: { message: 'Server said no', output: { errors: [], fieldErrors: {} } } })).toEqual([
            'Server said no'
        ]);
        expect(reduceErrors(new TypeError('boom'))).toEqual(['boom']);
        expect(reduceErrors({ status: 503, statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
    });

    it('flattens a list, drops empties and duplicates', () => {
        expect(reduceErrors([null, { message: 'a' }, { message: 'a' }, { message: ' ' }, undefined])).toEqual(['a']);
    });
});
