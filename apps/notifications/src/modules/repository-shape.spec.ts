import { describeRepositoryShape } from '@telehealth/testing';

/** One repository per collection, owned by its module (see describeRepositoryShape). */
describeRepositoryShape('notifications', __dirname, 8);
