/**
 * Reduces one or more Lightning Data Service errors to a flat list of readable messages.
 *
 * Handles the shapes LDS produces: UI API read errors (body is an array), UI API DML errors
 * (body.message plus body.output.errors / body.output.fieldErrors), JavaScript errors and
 * network failures (statusText only). The same shape as lwc-recipes' ldsUtils.reduceErrors.
 *
 * @param {Object|Object[]} errors
 * @return {string[]} messages, empty strings and duplicates removed
 */
export function reduceErrors(errors) {
    const list = Array.isArray(errors) ? errors : [errors];
    const messages = list
        .filter((error) => !!error)
        .map((error) => messagesOf(error))
        .reduce((all, some) => all.concat(some), [])
        .filter((message) => typeof message === 'string' && message.trim() !== '')
        .map((message) => message.trim());
    return messages.filter((message, index) => messages.indexOf(message) === index);
}

function messagesOf(error) {
    const body = error.body;
    if (Array.isArray(body)) {
        return body.map((e) => (e ? e.message : undefined));
    }
    if (body && typeof body === 'object') {
        const output = body.output || {};
        const recordErrors = Array.isArray(output.errors) ? output.errors.map((e) => (e ? e.message : undefined)) : [];
        const fieldErrors = output.fieldErrors && typeof output.fieldErrors === 'object'
            ? Object.values(output.fieldErrors)
                  .filter(Array.isArray)
                  .reduce((all, some) => all.concat(some), [])
                  .map((e) => (e ? e.message : undefined))
            : [];
        const detailed = recordErrors.concat(fieldErrors).filter((m) => typeof m === 'string' && m.trim() !== '');
        if (detailed.length > 0) {
            return detailed;
        }
        if (typeof body.message === 'string') {
            return [body.message];
        }
    }
    if (typeof error.message === 'string') {
        return [error.message];
    }
    return [error.statusText];
}
