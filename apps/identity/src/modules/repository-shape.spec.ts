import { describeRepositoryShape } from '@telehealth/testing';

/** One repository per collection, owned by its module (see describeRepositoryShape). */
describeRepositoryShape('identity', __dirname, 8);
