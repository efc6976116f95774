const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.setup.js'],
    testPathIgnorePatterns: [...jestConfig.testPathIgnorePatterns, '<rootDir>/preview/'],
    modulePathIgnorePatterns: ['<rootDir>/preview/build/'],
    // A test that needs more than this on a 2-core CI machine is doing too much.
    testTimeout: 15000
};
